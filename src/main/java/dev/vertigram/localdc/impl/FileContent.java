package dev.vertigram.localdc.impl;

import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The bytes of a stored file, in chunks of {@value #CHUNK} bytes (the last one shorter). A valid upload.getFile
 * request never crosses a 1 MiB boundary, so every answer is one zero-copy slice of one chunk.
 */
final class FileContent {

  static final int CHUNK = 1 << 20;

  private final Buffer[] chunks;
  private final long size;

  FileContent(Buffer[] chunks, long size) {
    this.chunks = chunks;
    this.size = size;
  }

  long size() {
    return size;
  }

  /** Up to {@code limit} bytes at {@code offset} (short at the end, empty past it); must not cross a chunk. */
  Buffer slice(long offset, int limit) {
    if (offset >= size) {
      return Buffer.buffer(0);
    }
    Buffer chunk = chunks[(int) (offset / CHUNK)];
    int start = (int) (offset % CHUNK);
    return chunk.slice(start, Math.min(start + limit, chunk.length()));
  }

  /** A copy of the whole content (for small files: photos). */
  byte[] bytes() {
    Buffer all = Buffer.buffer((int) size);
    for (Buffer chunk : chunks) {
      all.appendBuffer(chunk);
    }
    return all.getBytes();
  }

  /** The first bytes (at most {@code n}), for sniffing the file type. */
  byte[] head(int n) {
    return size == 0 ? new byte[0] : chunks[0].getBytes(0, Math.min(n, chunks[0].length()));
  }

  /** Writes every byte to {@code out} (a snapshot blob). */
  void writeTo(OutputStream out) throws IOException {
    for (Buffer chunk : chunks) {
      out.write(chunk.getBytes());
    }
  }

  /** Reads {@code size} bytes from {@code in} (a snapshot blob); IOException when it is shorter. */
  static FileContent read(InputStream in, long size) throws IOException {
    Buffer[] chunks = new Buffer[(int) ((size + CHUNK - 1) / CHUNK)];
    for (int i = 0; i < chunks.length; i++) {
      int n = (int) Math.min(CHUNK, size - (long) i * CHUNK);
      byte[] bytes = in.readNBytes(n);
      if (bytes.length != n) {
        throw new IOException("snapshot blob shorter than " + size + " bytes");
      }
      chunks[i] = Buffer.buffer(bytes);
    }
    return new FileContent(chunks, size);
  }
}
