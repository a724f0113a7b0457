package dev.vertigram.crypto;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Hex, fixed byte patterns and a deterministic random source for the crypto tests. */
final class TestSupport {

  private TestSupport() {
  }

  /** Parses hex, ignoring whitespace. */
  static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.replaceAll("\\s+", ""));
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  /** Bytes 0, 1, 2, ... n−1 (mod 256). */
  static byte[] range(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) i;
    }
    return b;
  }

  /** tdlib's test LCG (uint32): seed = seed·123457567 + 987651241, byte = (seed >> 23) & 255. */
  static final class Lcg {
    private int seed;

    Lcg(int seed) {
      this.seed = seed;
    }

    byte[] next(int n) {
      byte[] b = new byte[n];
      for (int i = 0; i < n; i++) {
        seed = seed * 123457567 + 987651241;
        b[i] = (byte) (seed >>> 23);
      }
      return b;
    }
  }

  /**
   * A SecureRandom that hands out a fixed byte stream, in order, and fails when it runs dry (so a test notices
   * unexpected consumption). Everything SecureRandom offers (nextInt, ...) goes through {@link #nextBytes}.
   */
  static final class FixedRandom extends SecureRandom {
    private final byte[] stream;
    private int pos;

    FixedRandom(byte[]... parts) {
      int len = 0;
      for (byte[] p : parts) {
        len += p.length;
      }
      stream = new byte[len];
      for (byte[] p : parts) {
        System.arraycopy(p, 0, stream, pos, p.length);
        pos += p.length;
      }
      pos = 0;
    }

    @Override
    public synchronized void nextBytes(byte[] bytes) {
      if (pos + bytes.length > stream.length) {
        throw new IllegalStateException("FixedRandom exhausted");
      }
      System.arraycopy(stream, pos, bytes, 0, bytes.length);
      pos += bytes.length;
    }

    int remaining() {
      return stream.length - pos;
    }
  }
}
