package dev.vertigram.tl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Bounded inflation of {@code gzip_packed} payloads. */
final class Gzip {

  /** Largest inflated payload accepted (a gzip bomb stops here, not at the heap limit). */
  static final int MAX_INFLATED = 32 << 20;

  private Gzip() {}

  /** Inflates {@code packed}; corrupt data or more than {@link #MAX_INFLATED} bytes throw a TlException. */
  static byte[] inflate(byte[] packed, TlReader at) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(MAX_INFLATED, packed.length * 4 + 64));
    byte[] chunk = new byte[8192];
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(packed), 8192)) {
      int n;
      while ((n = in.read(chunk)) > 0) {
        if (out.size() + n > MAX_INFLATED) {
          throw at.error("gzip_packed inflates past " + MAX_INFLATED + " bytes");
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
