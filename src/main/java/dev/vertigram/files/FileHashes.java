package dev.vertigram.files;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The SHA-256 hashes of a file's ranges, as upload.getFileHashes gives them ({@code fileHash{offset, limit, hash}},
 * 128 KiB ranges on Telegram), and the check of a downloaded part against them. Used on one context; only
 * {@link #check} may run on a worker thread.
 */
final class FileHashes {

  private final Map<Long, JsonObject> ranges = new HashMap<>();
  private final Set<Long> asked = new HashSet<>();

  /** Adds the fileHash objects of an upload.getFileHashes answer; true when it brought a hash for {@code asked}. */
  boolean add(long askedOffset, JsonArray hashes) {
    asked.add(askedOffset);
    for (Object h : hashes) {
      JsonObject hash = (JsonObject) h;
      ranges.put(hash.getLong("offset"), hash);
    }
    return ranges.containsKey(askedOffset);
  }

  /**
   * The first offset in [start, end) whose range hash is neither known nor already asked for, or -1. Ranges are
   * followed from {@code start}: each known hash says where the next range starts.
   */
  long missing(long start, long end) {
    long pos = start;
    while (pos < end) {
      JsonObject hash = ranges.get(pos);
      if (hash == null) {
        return asked.contains(pos) ? -1 : pos;
      }
      pos += hash.getInteger("limit");
    }
    return -1;
  }

  /**
   * The hashes covering the consecutive ranges of {@code [start, start + length)}, removed from this store (each part
   * is checked once); ranges the server gave no hash for end the list.
   */
  JsonArray take(long start, int length) {
    JsonArray out = new JsonArray();
    long pos = start;
    JsonObject hash;
    while (pos < start + length && (hash = ranges.remove(pos)) != null) {
      out.add(hash);
      pos += hash.getInteger("limit");
    }
    return out;
  }

  /**
   * Checks {@code bytes} (the part at {@code start}) against {@code hashes} (from {@link #take}); IOException naming
   * the first range whose SHA-256 differs or that the part does not fully hold. Hashes about 1 MiB: run it off the
   * event loop.
   */
  static void check(long start, Buffer bytes, JsonArray hashes) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    for (Object h : hashes) {
      JsonObject hash = (JsonObject) h;
      long offset = hash.getLong("offset");
      int limit = hash.getInteger("limit");
      int from = (int) (offset - start);
      if (from < 0 || from + limit > bytes.length()) {
        throw new IOException("the part at " + start + " (" + bytes.length() + " bytes) does not hold the hashed range "
            + offset + "+" + limit);
      }
      sha.update(((BufferInternal) bytes).getByteBuf().nioBuffer(from, limit));
      if (!MessageDigest.isEqual(sha.digest(), hash.getBuffer("hash").getBytes())) {
        throw new IOException("bytes " + offset + ".." + (offset + limit)
            + " differ from their SHA-256 (upload.getFileHashes): corrupted download");
      }
    }
  }
}
