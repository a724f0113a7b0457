package dev.vertigram.crypto;

import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;

/** Small byte-array helpers shared by the crypto classes. */
final class Bytes {

  private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private Bytes() {
  }

  static long getLongLe(byte[] b, int off) {
    return (long) LONG_LE.get(b, off);
  }

  static void putLongLe(byte[] b, int off, long v) {
    LONG_LE.set(b, off, v);
  }

  static int getIntLe(byte[] b, int off) {
    return (int) INT_LE.get(b, off);
  }

  /** Big-endian unsigned magnitude of {@code v}, left-padded with zeros to exactly {@code len} bytes. */
  static byte[] toFixed(BigInteger v, int len) {
    byte[] raw = v.toByteArray();
    int skip = raw.length > 1 && raw[0] == 0 ? 1 : 0;
    int n = raw.length - skip;
    if (v.signum() < 0 || n > len) {
      throw new IllegalArgumentException("value does not fit in " + len + " bytes");
    }
    byte[] out = new byte[len];
    System.arraycopy(raw, skip, out, len - n, n);
    return out;
  }

  /** Minimal big-endian unsigned magnitude of a non-negative {@code v} (no leading zero byte, except for 0 itself). */
  static byte[] magnitude(BigInteger v) {
    return toFixed(v, Math.max(1, (v.bitLength() + 7) / 8));
  }

  static byte[] concat(byte[]... parts) {
    int len = 0;
    for (byte[] p : parts) {
      len += p.length;
    }
    byte[] out = new byte[len];
    int pos = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, pos, p.length);
      pos += p.length;
    }
    return out;
  }

  static byte[] xor(byte[] a, byte[] b) {
    byte[] out = new byte[a.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) (a[i] ^ b[i]);
    }
    return out;
  }

  static byte[] reverse(byte[] a) {
    byte[] out = new byte[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[a.length - 1 - i];
    }
    return out;
  }

  /** TL {@code bytes} serialization: length prefix (1 byte, or FE + 3 bytes LE), data, zero padding to 4 bytes. */
  static void writeTlBytes(ByteArrayOutputStream out, byte[] data) {
    int header;
    if (data.length <= 253) {
      out.write(data.length);
      header = 1;
    } else {
      out.write(0xFE);
      out.write(data.length);
      out.write(data.length >>> 8);
      out.write(data.length >>> 16);
      header = 4;
    }
    out.write(data, 0, data.length);
    for (int pad = (4 - (header + data.length) % 4) % 4; pad > 0; pad--) {
      out.write(0);
    }
  }

  static void checkLength(byte[] b, int expected, String what) {
    if (b == null || b.length != expected) {
      throw new IllegalArgumentException(what + " must be " + expected + " bytes");
    }
  }
}
