package dev.vertigram.localdc.impl;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.json.JsonObject;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongSupplier;

/**
 * Uploads in progress and stored files, shared by every DC (thread-safe). Uploaded parts expire {@code partsTtl} after
 * their last use; stored files live in memory, in 1 MiB chunks.
 */
final class FileStore {

  /** upload_max_fileparts_default of the app config. */
  static final int MAX_PARTS = 4000;
  /** The size of the ranges upload.getFileHashes hashes (Telegram's: 128 KiB). */
  static final int HASH_RANGE = 128 * 1024;

  private record UploadKey(int dcId, long userId, long fileId) {
  }

  private final Map<UploadKey, UploadedParts> uploads = new ConcurrentHashMap<>();
  private final Map<Long, StoredFile> files = new ConcurrentHashMap<>();
  private final Map<Long, AtomicReferenceArray<byte[]>> rangeHashes = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final long partsTtlMillis;
  private final LongSupplier clock;
  private final FileRefs refs;
  private volatile long lastSweep;

  /** {@code refSecret} keys the file references (see {@link FileRefs}). */
  FileStore(long partsTtlMillis, long referenceTtlMillis, byte[] refSecret, LongSupplier clock) {
    this.partsTtlMillis = partsTtlMillis;
    this.clock = clock;
    this.refs = new FileRefs(refSecret, referenceTtlMillis, clock);
    this.lastSweep = clock.getAsLong();
  }

  FileRefs refs() {
    return refs;
  }

  /**
   * upload.saveFilePart or upload.saveBigFilePart ({@code big}, with file_total_parts {@code totalParts}, -1 when the
   * size is not known yet): FILE_PART_INVALID, FILE_PARTS_INVALID, FILE_PART_EMPTY, FILE_PART_TOO_BIG,
   * FILE_PART_SIZE_INVALID, FILE_PART_SIZE_CHANGED.
   */
  void savePart(int dcId, long userId, long fileId, int part, boolean big, int totalParts, Buffer bytes) {
    if (big && (totalParts == 0 || totalParts < -1 || totalParts > MAX_PARTS)) {
      throw new RpcErrorException(400, "FILE_PARTS_INVALID");
    }
    if (part < 0 || part >= (big && totalParts > 0 ? totalParts : MAX_PARTS)) {
      throw new RpcErrorException(400, "FILE_PART_INVALID");
    }
    if (bytes.length() == 0) {
      throw new RpcErrorException(400, "FILE_PART_EMPTY");
    }
    if (bytes.length() > UploadedParts.MAX_PART_SIZE) {
      throw new RpcErrorException(400, "FILE_PART_TOO_BIG");
    }
    long now = clock.getAsLong();
    sweep(now);
    UploadedParts upload = uploads.compute(new UploadKey(dcId, userId, fileId), (k, u) ->
        u == null || u.expired(now, partsTtlMillis) ? new UploadedParts(big, now) : u);
    if (upload.big() != big) {
      throw new RpcErrorException(400, "FILE_PARTS_INVALID");
    }
    upload.save(part, totalParts, bytes, now);
  }

  /**
   * The DC holding the parts of {@code inputFile} uploaded by {@code userId}: {@code dcId} when they are there (or
   * nowhere), else the other DC they were uploaded to. A file sent from the home DC with parts uploaded to another DC
   * (through an imported authorization) lives on that DC, its dc_id saying so (downloads elsewhere get FILE_MIGRATE).
   */
  int uploadDc(int dcId, long userId, JsonObject inputFile) {
    long fileId = inputFile == null ? 0 : inputFile.getLong("id", 0L);
    if (uploads.containsKey(new UploadKey(dcId, userId, fileId))) {
      return dcId;
    }
    long now = clock.getAsLong();
    for (Map.Entry<UploadKey, UploadedParts> e : uploads.entrySet()) {
      UploadKey k = e.getKey();
      if (k.userId() == userId && k.fileId() == fileId && !e.getValue().expired(now, partsTtlMillis)) {
        return k.dcId();
      }
    }
    return dcId;
  }

  /** The content of an {@code inputFile} / {@code inputFileBig} uploaded by {@code userId} on {@code dcId}. */
  FileContent uploaded(int dcId, long userId, JsonObject inputFile) {
    boolean big = "inputFileBig".equals(inputFile.getString("_"));
    if (!big && !"inputFile".equals(inputFile.getString("_"))) {
      throw new RpcErrorException(400, "FILE_PARTS_INVALID");
    }
    int count = inputFile.getInteger("parts");
    long now = clock.getAsLong();
    UploadedParts upload = uploads.get(new UploadKey(dcId, userId, inputFile.getLong("id")));
    if (upload != null && upload.expired(now, partsTtlMillis)) {
      upload = null;
    }
    if (count < 1 || count > MAX_PARTS || upload != null && upload.big() != big) {
      throw new RpcErrorException(400, "FILE_PARTS_INVALID");
    }
    if (upload == null) {
      throw new RpcErrorException(400, "FILE_PART_0_MISSING");
    }
    return upload.assemble(count, big ? null : inputFile.getString("md5_checksum"), now);
  }

  /** A new random id that no stored file has. */
  long newId() {
    long id;
    do {
      id = random.nextLong();
    } while (id == 0 || files.containsKey(id));
    return id;
  }

  long newAccessHash() {
    return random.nextLong();
  }

  void add(StoredFile file) {
    files.put(file.id(), file);
  }

  /** Every stored file (a live view, for snapshots). */
  java.util.Collection<StoredFile> all() {
    return files.values();
  }

  /** The file with that id and access_hash, or null. */
  StoredFile find(long id, long accessHash) {
    StoredFile file = files.get(id);
    return file != null && file.accessHash() == accessHash ? file : null;
  }

  /** The SHA-256 of the {@code index}-th {@value #HASH_RANGE}-byte range of {@code file}, computed once. */
  byte[] rangeHash(StoredFile file, int index) {
    long size = file.content().size();
    AtomicReferenceArray<byte[]> all = rangeHashes.computeIfAbsent(file.id(),
        id -> new AtomicReferenceArray<>((int) ((size + HASH_RANGE - 1) / HASH_RANGE)));
    byte[] hash = all.get(index);
    if (hash == null) {
      long offset = (long) index * HASH_RANGE;
      try {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(((BufferInternal) file.content().slice(offset, HASH_RANGE)).getByteBuf().nioBuffer());
        hash = sha.digest();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      all.set(index, hash);
    }
    return hash;
  }

  private void sweep(long now) {
    if (now - lastSweep >= partsTtlMillis / 4) {
      lastSweep = now;
      uploads.values().removeIf(u -> u.expired(now, partsTtlMillis));
    }
  }
}
