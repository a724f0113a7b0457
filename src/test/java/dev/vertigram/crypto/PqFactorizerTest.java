package dev.vertigram.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PqFactorizerTest {

  /**
   * Rho steps allowed per 62-bit semiprime. A step is one Montgomery squaring plus one accumulating multiplication (a
   * few ns each), so 2^20 steps stay far below 100 ms without a wall-clock assertion; the observed mean for 31-bit
   * factors is about 6·10^4 steps (max ≈ 2.3·10^5 over 2000 random cases).
   */
  private static final long MAX_STEPS = 1L << 20;
  private static final long MAX_MEAN_STEPS = 1L << 18;

  /** VECTORS §4: the legacy and current official samples, gotd's and Telethon's cases. */
  @ParameterizedTest
  @CsvSource({
      "1724114033281923457,1229739323,1402015859", "2694724800268887959,1513098571,1780931429",
      "378221,613,617", "15,3,5", "1470626929934143021,1206429347,1218991343",
      "2363612107535801713,1518968219,1556064227", "2000000000000000006,2,1000000000000000003",
      "4,2,2", "9,3,3", "25,5,5", "49,7,7", "35,5,7", "4611686014132420609,2147483647,2147483647"})
  void knownCases(long pq, long p, long q) {
    assertArrayEquals(new long[] {p, q}, PqFactorizer.factor(pq));
  }

  @Test
  void largestInputSplitsCorrectly() {
    long[] f = PqFactorizer.factor(Long.MAX_VALUE); // 7^2 · 73 · 127 · 337 · 92737 · 649657
    assertTrue(f[0] > 1 && f[0] <= f[1]);
    assertEquals(Long.MAX_VALUE, f[0] * f[1]);
  }

  @Test
  void rejectsPrimesAndTinyInputs() {
    assertThrows(IllegalArgumentException.class, () -> PqFactorizer.factor(2147483647L));
    long largestPrimeBelow2pow63 = 9223372036854775783L;
    assertThrows(IllegalArgumentException.class, () -> PqFactorizer.factor(largestPrimeBelow2pow63));
    assertThrows(IllegalArgumentException.class, () -> PqFactorizer.factor(3));
    assertThrows(IllegalArgumentException.class, () -> PqFactorizer.factor(-15));
  }

  @Test
  void randomSemiprimesWithinStepBound() {
    Random rnd = new Random(20240521);
    long total = 0;
    int count = 300;
    for (int i = 0; i < count; i++) {
      long p = BigInteger.probablePrime(31, rnd).longValueExact();
      long q = BigInteger.probablePrime(31, rnd).longValueExact();
      long[] steps = new long[1];
      long[] f = PqFactorizer.factor(p * q, steps);
      assertArrayEquals(new long[] {Math.min(p, q), Math.max(p, q)}, f);
      assertTrue(steps[0] <= MAX_STEPS, p + " * " + q + " took " + steps[0] + " steps");
      total += steps[0];
    }
    assertTrue(total / count <= MAX_MEAN_STEPS, "mean steps " + total / count);
  }
}
