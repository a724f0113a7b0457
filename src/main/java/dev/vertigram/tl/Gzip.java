package dev.vertigram.tl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Bounded inflation of {@code gzip_packed} payloads. */
final class Gzip {

  /** Most bytes inflated in one decode call (a gzip bomb stops here, not at the heap limit). */
  static final int MAX_INFLATED = 32 << 20;

  private Gzip() {}

  /** Inflates {@code packed}; corrupt data or more than {@code limit} bytes throw a TlException. */
  static byte[] inflate(byte[] packed, int limit, TlReader at) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, packed.length * 4 + 64));
    byte[] chunk = new byte[8192];
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(packed), 8192)) {
      int n;
      while ((n = in.read(chunk)) > 0) {
        if (out.size() + n > limit) {
          throw at.error("gzip_packed inflates past " + MAX_INFLATED + " bytes in all");
        }
        out.write(chunk, 0, n);
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof TlException tl) {
        throw tl;
      }
      throw at.error("corrupt gzip_packed: " + e);
    }
    return out.toByteArray();
  }
}
