package dev.vertigram.crypto;

import static dev.vertigram.crypto.TestSupport.hex;
import static dev.vertigram.crypto.TestSupport.range;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AesIgeTest {

  @Test
  void telethonEncryptVector() {
    byte[] k = range(32);
    assertEquals("e28112a53e5c89c7b1ea8071c133699fd4e86b26c4bac9fc5af1ab8ce27a44a4", hex(AesIge.encrypt(k, k, k)));
  }

  @Test
  void telethonDecryptVector() {
    byte[] k = range(32);
    assertEquals("e5777afacd7b2c16f7ac40cae61ef603fee6098fb8a8860ab9ee672cd7e5bacc", hex(AesIge.decrypt(k, k, k)));
  }

  /** tdlib TEST(Crypto, AesIgeState): CRC32 of the ciphertext for LCG-generated data, key and iv. */
  @ParameterizedTest
  @CsvSource({"0,0", "16,2045698207", "32,2423540300", "256,525522475", "1024,1545267325", "65536,724143417"})
  void tdlibCrc32Vectors(int length, long crc) {
    TestSupport.Lcg lcg = new TestSupport.Lcg(length);
    byte[] plain = lcg.next(length);
    byte[] key = lcg.next(32);
    byte[] iv = lcg.next(32);
    byte[] enc = AesIge.encrypt(key, iv, plain);
    assertEquals((int) crc, Crc32.crc32(enc));
    assertArrayEquals(plain, AesIge.decrypt(key, iv, enc));
  }

  /** Crosses the internal 16 KiB encryption chunk at odd positions, against a plain per-block reference. */
  @ParameterizedTest
  @CsvSource({"16", "32", "48", "16368", "16384", "16400", "49200", "1048576"})
  void matchesReferenceImplementation(int length) throws Exception {
    Random r = new Random(length);
    byte[] key = new byte[32];
    byte[] iv = new byte[32];
    byte[] plain = new byte[length];
    r.nextBytes(key);
    r.nextBytes(iv);
    r.nextBytes(plain);
    byte[] expected = reference(true, key, iv, plain);
    assertArrayEquals(expected, AesIge.encrypt(key, iv, plain));
    assertArrayEquals(plain, reference(false, key, iv, expected));
    assertArrayEquals(plain, AesIge.decrypt(key, iv, expected));
  }

  @Test
  void inPlaceHonoursOffsetsAndLeavesIvAndSurroundingsAlone() {
    byte[] key = range(32);
    byte[] iv = hex("ff".repeat(32));
    byte[] data = new byte[96];
    new Random(7).nextBytes(data);
    byte[] buf = new byte[96 + 10];
    System.arraycopy(data, 0, buf, 5, 96);
    buf[0] = 42;
    buf[105] = 43;
    AesIge.encrypt(key, iv, buf, 5, 96);
    assertArrayEquals(AesIge.encrypt(key, iv, data), Arrays.copyOfRange(buf, 5, 101));
    AesIge.decrypt(key, iv, buf, 5, 96);
    assertArrayEquals(data, Arrays.copyOfRange(buf, 5, 101));
    assertEquals(42, buf[0]);
    assertEquals(43, buf[105]);
    assertArrayEquals(hex("ff".repeat(32)), iv);
  }

  @Test
  void concurrentCallersDoNotShareState() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int seed = t;
        results.add(pool.submit(() -> {
          Random r = new Random(seed);
          for (int i = 0; i < 50; i++) {
            byte[] key = new byte[32];
            byte[] iv = new byte[32];
            byte[] plain = new byte[16 * (1 + r.nextInt(1100))];
            r.nextBytes(key);
            r.nextBytes(iv);
            r.nextBytes(plain);
            byte[] enc = AesIge.encrypt(key, iv, plain);
            if (!Arrays.equals(enc, reference(true, key, iv, plain))
                || !Arrays.equals(plain, AesIge.decrypt(key, iv, enc))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> f : results) {
        assertTrue(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rejectsBadArguments() {
    byte[] k = range(32);
    assertThrows(IllegalArgumentException.class, () -> AesIge.encrypt(k, k, new byte[15]));
    assertThrows(IllegalArgumentException.class, () -> AesIge.decrypt(range(16), k, new byte[16]));
    assertThrows(IllegalArgumentException.class, () -> AesIge.encrypt(k, range(16), new byte[16]));
    assertThrows(IndexOutOfBoundsException.class, () -> AesIge.encrypt(k, k, new byte[16], 8, 16));
  }

  /** Textbook IGE, one block at a time (the "previous" blocks start as iv[0:16] and iv[16:32]). */
  private static byte[] reference(boolean encrypt, byte[] key, byte[] iv, byte[] in) throws Exception {
    Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
    aes.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"));
    byte[] prevOut = Arrays.copyOfRange(iv, encrypt ? 0 : 16, encrypt ? 16 : 32);
    byte[] prevIn = Arrays.copyOfRange(iv, encrypt ? 16 : 0, encrypt ? 32 : 16);
    byte[] out = new byte[in.length];
    for (int i = 0; i < in.length; i += 16) {
      byte[] block = Arrays.copyOfRange(in, i, i + 16);
      byte[] y = aes.doFinal(Bytes.xor(block, prevOut));
      prevOut = Bytes.xor(y, prevIn);
      prevIn = block;
      System.arraycopy(prevOut, 0, out, i, 16);
    }
    return out;
  }
}
