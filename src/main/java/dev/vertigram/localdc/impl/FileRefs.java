package dev.vertigram.localdc.impl;

import dev.vertigram.crypto.Hashes;
import io.vertx.core.buffer.Buffer;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * File references: opaque 29-byte tokens ({@code 0x02 ‖ file id ‖ issue time in ms ‖ 12-byte MAC}) that expire
 * {@code ttl} after they were issued. They are checked without any table (the MAC is keyed with a per-process
 * secret); {@link #current} hands out the same reference while it is younger than half the TTL, so every object sent
 * to a client carries a reference valid for at least half the TTL. The messages model renews a reference by
 * re-encoding the object with {@link #current} when the client fetches it again.
 */
final class FileRefs {

  private static final byte VERSION = 2;
  private static final int LENGTH = 29;

  private final byte[] secret;
  private final long ttlMillis;
  private final LongSupplier clock;
  private final Map<Long, Buffer> issued = new ConcurrentHashMap<>();

  /** References MAC'd with a random per-process secret. */
  FileRefs(long ttlMillis, LongSupplier clock) {
    this(randomSecret(), ttlMillis, clock);
  }

  /** References MAC'd with {@code secret} (kept across restarts, references stay valid). */
  FileRefs(byte[] secret, long ttlMillis, LongSupplier clock) {
    this.secret = secret.clone();
    this.ttlMillis = ttlMillis;
    this.clock = clock;
  }

  private static byte[] randomSecret() {
    byte[] s = new byte[32];
    new SecureRandom().nextBytes(s);
    return s;
  }

  /** A valid reference to the file, reused while younger than half the TTL. */
  Buffer current(long fileId) {
    long now = clock.getAsLong();
    return issued.compute(fileId, (id, ref) ->
        ref != null && now - ref.getLong(9) < ttlMillis / 2 ? ref : mint(id, now));
  }

  /**
   * Checks a reference sent by a client for {@code fileId}: FILE_REFERENCE_EMPTY, FILE_REFERENCE_INVALID (not one of
   * ours, or for another file) or FILE_REFERENCE_EXPIRED.
   */
  void check(long fileId, Buffer ref) {
    if (ref == null || ref.length() == 0) {
      throw new RpcErrorException(400, "FILE_REFERENCE_EMPTY");
    }
    if (ref.length() != LENGTH || ref.getByte(0) != VERSION || ref.getLong(1) != fileId
        || !Arrays.equals(mac(fileId, ref.getLong(9)), ref.getBytes(17, LENGTH))) {
      throw new RpcErrorException(400, "FILE_REFERENCE_INVALID");
    }
    if (clock.getAsLong() - ref.getLong(9) >= ttlMillis) {
      throw new RpcErrorException(400, "FILE_REFERENCE_EXPIRED");
    }
  }

  private Buffer mint(long fileId, long now) {
    return Buffer.buffer(LENGTH).appendByte(VERSION).appendLong(fileId).appendLong(now).appendBytes(mac(fileId, now));
  }

  private byte[] mac(long fileId, long time) {
    byte[] data = Buffer.buffer(16).appendLong(fileId).appendLong(time).getBytes();
    return Arrays.copyOf(Hashes.sha256(secret, data), 12);
  }
}
