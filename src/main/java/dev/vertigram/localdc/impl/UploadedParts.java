package dev.vertigram.localdc.impl;

import io.vertx.core.buffer.Buffer;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The parts of one upload in progress (one file_id of one user on one DC), checked as Telegram does: every part but
 * the last has the same size, a multiple of 1 KiB dividing 512 KiB; the last part is not larger. The server does not
 * know which part of a small file is the last one, so the part with the highest index is taken as the last until a
 * higher one arrives. A big file of unknown size (streamed) sends file_total_parts = -1, which says the part is not the
 * last one, and the real count with its last part (or, once known, with any part); the count given in inputFileBig
 * must then cover every part received. Once assembled, the parts are dropped and the content is kept for reuse of the
 * same InputFile.
 */
final class UploadedParts {

  static final int MAX_PART_SIZE = 512 * 1024;

  private final boolean big;
  /** file_total_parts of a big file, 0 while every part came with -1 (size unknown). */
  private int totalParts;
  private final Map<Integer, Buffer> parts = new HashMap<>();
  private int regularSize;
  private int maxIndex = -1;
  private long touchedAt;
  private FileContent assembled;
  private byte[] md5;

  /** @param big saveBigFilePart (else saveFilePart) */
  UploadedParts(boolean big, long now) {
    this.big = big;
    this.touchedAt = now;
  }

  static boolean regularSize(int length) {
    return length % 1024 == 0 && MAX_PART_SIZE % length == 0;
  }

  boolean big() {
    return big;
  }

  synchronized boolean expired(long now, long ttlMillis) {
    return now - touchedAt >= ttlMillis;
  }

  /**
   * Stores one part (already checked on its own: index and size bounds) or throws FILE_PARTS_INVALID (a count that
   * changed or leaves out parts already received), FILE_PART_INVALID (an index past the known count) or the size
   * error. {@code declaredTotal}: file_total_parts of saveBigFilePart (-1: unknown yet), ignored for saveFilePart.
   */
  synchronized void save(int part, int declaredTotal, Buffer bytes, long now) {
    int length = bytes.length();
    int total = totalParts;
    if (big && declaredTotal > 0) {
      if (total != 0 && total != declaredTotal || maxIndex >= declaredTotal) {
        throw new RpcErrorException(400, "FILE_PARTS_INVALID");
      }
      total = declaredTotal;
    }
    if (total > 0 && part >= total) {
      throw new RpcErrorException(400, "FILE_PART_INVALID");
    }
    boolean nonLast = part < maxIndex || (big && declaredTotal == -1) || (total > 0 && part < total - 1);
    int regular = regularSize;
    if (part > maxIndex && maxIndex >= 0) {
      regular = checkRegular(regular, parts.get(maxIndex).length());
    }
    if (nonLast) {
      regular = checkRegular(regular, length);
    }
    int last = part < maxIndex ? parts.get(maxIndex).length() : length;
    if (regular != 0 && last > regular) {
      throw new RpcErrorException(400, "FILE_PART_SIZE_CHANGED");
    }
    regularSize = regular;
    totalParts = total;
    maxIndex = Math.max(maxIndex, part);
    parts.put(part, bytes);
    touchedAt = now;
  }

  private static int checkRegular(int regular, int length) {
    if (!regularSize(length)) {
      throw new RpcErrorException(400, "FILE_PART_SIZE_INVALID");
    }
    if (regular != 0 && regular != length) {
      throw new RpcErrorException(400, "FILE_PART_SIZE_CHANGED");
    }
    return length;
  }

  /**
   * The file made of parts 0..count-1: FILE_PARTS_INVALID when a big file's count is not the one its parts gave (or
   * leaves out parts received), FILE_PART_X_MISSING for the first missing part, MD5_CHECKSUM_INVALID when
   * {@code md5Hex} is not empty and does not match.
   */
  synchronized FileContent assemble(int count, String md5Hex, long now) {
    if (big && (totalParts != 0 ? count != totalParts : assembled == null && maxIndex >= count)) {
      throw new RpcErrorException(400, "FILE_PARTS_INVALID");
    }
    if (assembled == null) {
      for (int i = 0; i < count; i++) {
        if (!parts.containsKey(i)) {
          throw new RpcErrorException(400, "FILE_PART_" + i + "_MISSING");
        }
      }
      assembled = concat(count);
      parts.clear();
    }
    touchedAt = now;
    if (md5Hex != null && !md5Hex.isEmpty() && !md5Hex.equalsIgnoreCase(HexFormat.of().formatHex(md5))) {
      throw new RpcErrorException(400, "MD5_CHECKSUM_INVALID");
    }
    return assembled;
  }

  private FileContent concat(int count) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    long size = 0;
    for (int i = 0; i < count; i++) {
      size += parts.get(i).length();
    }
    Buffer[] chunks = new Buffer[(int) ((size + FileContent.CHUNK - 1) / FileContent.CHUNK)];
    int chunk = -1;
    for (int i = 0; i < count; i++) {
      Buffer part = parts.get(i);
      digest.update(part.getBytes());
      int pos = 0;
      while (pos < part.length()) {
        if (chunk < 0 || chunks[chunk].length() == FileContent.CHUNK) {
          chunk++;
          chunks[chunk] = Buffer.buffer((int) Math.min(FileContent.CHUNK, size - (long) chunk * FileContent.CHUNK));
        }
        int n = Math.min(part.length() - pos, FileContent.CHUNK - chunks[chunk].length());
        chunks[chunk].appendBuffer(part, pos, n);
        pos += n;
      }
    }
    md5 = digest.digest();
    return new FileContent(chunks, size);
  }
}
