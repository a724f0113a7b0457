package dev.vertigram.crypto;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DhChecksTest {

  private static final BigInteger P = DhChecks.TELEGRAM_PRIME;
  /** RFC 3526 group 14: a 2048-bit safe prime that is not cached, so the full primality check runs. */
  private static final BigInteger RFC3526 = new BigInteger(
      "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3"
      + "CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5"
      + "AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356"
      + "208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28F"
      + "B5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA051015728E5A8AACAA68FFFFFFFFFFFFFFFF", 16);
  private static final BigInteger MARGIN = BigInteger.ONE.shiftLeft(1984);

  /** The Telegram prime is ≡ 3 mod 8, 2 mod 3, 3 mod 5, 11 mod 24, 6 mod 7. */
  @ParameterizedTest
  @CsvSource({"2,false", "3,true", "4,true", "5,false", "6,false", "7,true", "1,false", "8,false", "0,false"})
  void generatorRuleOnTelegramPrime(int g, boolean ok) {
    if (ok) {
      assertDoesNotThrow(() -> DhChecks.checkDhParams(P, g));
    } else {
      assertThrows(SecurityCheckException.class, () -> DhChecks.checkDhParams(P, g));
    }
  }

  @Test
  void unknownSafePrimeGetsTheFullCheck() {
    for (int g = 2; g <= 7; g++) {
      DhChecks.checkDhParams(RFC3526, g); // RFC 3526 p is 7 mod 8, 2 mod 3, 4 mod 5, 23 mod 24, 5 mod 7
    }
  }

  @Test
  void compositeIsRejected() {
    BigInteger composite = BigInteger.valueOf(3).multiply(BigInteger.ONE.shiftLeft(2046).add(BigInteger.ONE));
    assertEquals(2048, composite.bitLength());
    assertEquals("dh_prime is not a safe prime",
        assertThrows(SecurityCheckException.class, () -> DhChecks.checkDhParams(composite, 4)).getMessage());
  }

  @Test
  void primeThatIsNotSafeIsRejected() {
    BigInteger prime = BigInteger.probablePrime(2048, new Random(42));
    assertTrue(!prime.shiftRight(1).isProbablePrime(64), "fixture: (p-1)/2 composite");
    assertThrows(SecurityCheckException.class, () -> DhChecks.checkDhParams(prime, 4));
  }

  @Test
  void wrongSizeIsRejected() {
    assertThrows(SecurityCheckException.class, () -> DhChecks.checkDhParams(P.shiftRight(1), 4));
    assertThrows(SecurityCheckException.class, () -> DhChecks.checkDhParams(P.shiftLeft(1).add(BigInteger.ONE), 4));
    assertThrows(SecurityCheckException.class, () -> DhChecks.checkDhParams(P.negate(), 4));
  }

  @Test
  void gaRangeBoundaries() {
    assertDoesNotThrow(() -> DhChecks.checkGa(MARGIN, P));
    assertDoesNotThrow(() -> DhChecks.checkGa(P.subtract(MARGIN), P));
    assertDoesNotThrow(() -> DhChecks.checkGa(P.shiftRight(1), P));
    for (BigInteger bad : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, MARGIN.subtract(
        BigInteger.ONE), P.subtract(MARGIN).add(BigInteger.ONE), P.subtract(BigInteger.ONE), P, P.add(BigInteger.ONE),
        BigInteger.valueOf(-5)}) {
      assertThrows(SecurityCheckException.class, () -> DhChecks.checkGa(bad, P), bad.toString(16));
    }
  }
}
