package dev.vertigram.crypto;

import java.util.zip.CRC32;

/** IEEE CRC32 (the TL constructor-id and full-transport checksum), backed by the JDK's intrinsic {@link CRC32}. */
public final class Crc32 {

  private Crc32() {
  }

  /** @return CRC32 of {@code b[off, off+len)} as a (signed) int */
  public static int crc32(byte[] b, int off, int len) {
    CRC32 crc = new CRC32();
    crc.update(b, off, len);
    return (int) crc.getValue();
  }

  /** @return CRC32 of all of {@code b} as a (signed) int */
  public static int crc32(byte[] b) {
    return crc32(b, 0, b.length);
  }
}
