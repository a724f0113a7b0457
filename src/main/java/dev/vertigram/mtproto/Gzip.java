package dev.vertigram.mtproto;

import io.vertx.core.buffer.Buffer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** {@code gzip_packed} both ways: outgoing only when it pays, incoming bounded. */
public final class Gzip {

  /** Bodies below this size are never compressed (Telethon's threshold; the docs say "no point" under 255 B). */
  public static final int MIN_SIZE = 512;
  /** Largest inflated size accepted from the network. */
  public static final int MAX_INFLATED = 32 << 20;

  private Gzip() {
  }

  /** The body as {@code gzip_packed} when it is at least {@value #MIN_SIZE} bytes and that makes it smaller, else as is. */
  public static Buffer packIfSmaller(Buffer body) {
    if (body.length() < MIN_SIZE) {
      return body;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length() / 2);
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(body.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Buffer packed = ServiceMessages.gzipPacked(bytes.toByteArray());
    return packed.length() < body.length() ? packed : body;
  }

  /**
   * Inflates the data of a {@code gzip_packed}.
   *
   * @throws MtprotoException when it is not gzip or inflates past {@value #MAX_INFLATED} bytes
   */
  public static Buffer inflate(byte[] packed) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(packed), 8192)) {
      Buffer out = Buffer.buffer(packed.length * 4);
      byte[] chunk = new byte[8192];
      for (int n; (n = in.read(chunk)) > 0; ) {
        if (out.length() + n > MAX_INFLATED) {
          throw new MtprotoException("gzip_packed inflates past " + MAX_INFLATED + " bytes");
        }
        out.appendBytes(chunk, 0, n);
      }
      return out;
    } catch (IOException e) {
      throw new MtprotoException("bad gzip_packed data: " + e.getMessage(), e);
    }
  }
}
