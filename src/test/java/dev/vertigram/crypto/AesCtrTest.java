package dev.vertigram.crypto;

import static dev.vertigram.crypto.TestSupport.hex;
import static dev.vertigram.crypto.TestSupport.range;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AesCtrTest {

  /** NIST SP 800-38A F.5.5 (CTR-AES256.Encrypt), all four blocks. */
  @Test
  void nistVector() {
    byte[] key = hex("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4");
    byte[] iv = hex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
    byte[] buf = hex("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
        + "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710");
    new AesCtr(key, iv).apply(buf, 0, buf.length);
    assertEquals("601ec313775789a5b7a7f504bbf3d228f443e3ca4d62b59aca84e990cacaf5c5"
        + "2b0930daa23de94ce87017ba2d84988ddfc9c58db67aada613c2dd08457941a6", hex(buf));
  }

  /**
   * tdlib TEST(Crypto, AesCtrState): CRC32 of the ciphertext for LCG data/key/iv, fed in random splits; the second
   * value uses iv = ff..ff (the 128-bit counter wraps).
   */
  @ParameterizedTest
  @CsvSource({"0,0,0", "1,1141589763,2053451992", "31,596296607,1384063362", "32,3673001485,3266188502",
      "33,2302125528,2893295118", "9999,330967191,780356167", "10000,2047392231,1904947434",
      "10001,3537459563,2043402406", "999999,307747798,472080809", "1000001,2149598133,1807109488"})
  void tdlibCrc32VectorsInRandomSplits(int length, long crc, long crcWrapped) {
    TestSupport.Lcg lcg = new TestSupport.Lcg(length);
    byte[] plain = lcg.next(length);
    byte[] key = lcg.next(32);
    byte[] iv = lcg.next(16);
    Random split = new Random(length);
    byte[] buf = plain.clone();
    applyInRandomSplits(new AesCtr(key, iv), buf, split);
    assertEquals((int) crc, Crc32.crc32(buf));
    applyInRandomSplits(new AesCtr(key, iv), buf, split);
    assertArrayEquals(plain, buf);
    applyInRandomSplits(new AesCtr(key, hex("ff".repeat(16))), buf, split);
    assertEquals((int) crcWrapped, Crc32.crc32(buf));
  }

  /**
   * DERIVED obfuscated2 check (VECTORS §10, no secret): init = 00..3f with protocol eeeeeeee and dc 2 at 56..61;
   * key = init[8:40], iv = init[40:56]; the sent header ends with the encrypted init[56:64], and the stream continues.
   */
  @Test
  void obfuscated2DerivedVector() {
    byte[] init = range(64);
    Arrays.fill(init, 56, 60, (byte) 0xee);
    init[60] = 2;
    init[61] = 0;
    AesCtr enc = new AesCtr(Arrays.copyOfRange(init, 8, 40), Arrays.copyOfRange(init, 40, 56));
    byte[] encrypted = init.clone();
    enc.apply(encrypted, 0, 64);
    assertEquals("4618255e1c00fd5d", hex(Arrays.copyOfRange(encrypted, 56, 64)));
    byte[] payload = new byte[8];
    enc.apply(payload, 0, 8);
    assertEquals("32a9c12838f16541", hex(payload));
  }

  private static void applyInRandomSplits(AesCtr ctr, byte[] buf, Random r) {
    int pos = 0;
    while (pos < buf.length) {
      int n = Math.min(buf.length - pos, r.nextInt(r.nextBoolean() ? 40 : 70000) + 1);
      ctr.apply(buf, pos, n);
      pos += n;
    }
  }
}
