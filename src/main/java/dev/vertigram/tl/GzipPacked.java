package dev.vertigram.tl;

import io.vertx.core.buffer.Buffer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * {@code gzip_packed#3072cfa1 packed_data:bytes}, both ways: packing a boxed object, and bounded inflation (a gzip
 * bomb stops at the limit, not at the heap's). The one implementation used by the codec, the client and the Local DC.
 */
public final class GzipPacked {

  /** Constructor id of gzip_packed. */
  public static final int ID = 0x3072cfa1;
  /** Most bytes inflated from one message (or one decode call). */
  public static final int MAX_INFLATED = 32 << 20;

  private GzipPacked() {}

  /** The boxed object as {@code gzip_packed}. */
  public static Buffer pack(Buffer boxed) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(boxed.length() / 2 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(boxed.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] packed = bytes.toByteArray();
    return new TlWriter(packed.length + 8).writeInt(ID).writeBytes(packed).toBuffer();
  }

  /** The boxed object as {@code gzip_packed} when it is at least {@code minSize} bytes and packing makes it smaller. */
  public static Buffer packIfSmaller(Buffer boxed, int minSize) {
    if (boxed.length() < minSize) {
      return boxed;
    }
    Buffer packed = pack(boxed);
    return packed.length() < boxed.length() ? packed : boxed;
  }

  /**
   * Inflates {@code packed_data}.
   *
   * @throws TlException when the data is not gzip or inflates past {@code limit} bytes
   */
  public static byte[] inflate(byte[] packed, int limit) {
    return inflate(packed, limit, null);
  }

  /** As {@link #inflate(byte[], int)}, with errors placed at the reader's position. */
  static byte[] inflate(byte[] packed, int limit, TlReader at) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, packed.length * 4 + 64));
    byte[] chunk = new byte[8192];
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(packed), 8192)) {
      int n;
      while ((n = in.read(chunk)) > 0) {
        if (out.size() + n > limit) {
          throw error(at, "gzip_packed inflates past " + limit + " bytes");
        }
        out.write(chunk, 0, n);
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof TlException tl) {
        throw tl;
      }
      throw error(at, "corrupt gzip_packed: " + e);
    }
    return out.toByteArray();
  }

  private static TlException error(TlReader at, String reason) {
    return at == null ? new TlException(reason) : at.error(reason);
  }
}
