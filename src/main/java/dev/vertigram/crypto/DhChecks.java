package dev.vertigram.crypto;

import java.math.BigInteger;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Diffie-Hellman parameter and public-value checks required by core.telegram.org/mtproto/security_guidelines (auth key
 * creation, SRP and secret chats). Every failure throws {@link SecurityCheckException}.
 */
public final class DhChecks {

  /** The 2048-bit safe prime Telegram servers currently send (with g = 3). */
  public static final BigInteger TELEGRAM_PRIME = new BigInteger(
      "C71CAEB9C6B1C9048E6C522F70F13F73980D40238E3E21C14934D037563D930F48198A0AA7C14058229493D22530F4DBFA336F6E"
      + "0AC925139543AED44CCE7C3720FD51F69458705AC68CD4FE6B6B13ABDC9746512969328454F18FAF8C595F642477FE96BB2A941D"
      + "5BCD1D4AC8CC49880708FA9B378E3C4F3A9060BEE67CF9A4A4A695811051907E162753B56B0F6B410DBA74D8A84B2A14B3144E0E"
      + "F1284754FD17ED950D5965B4B9DD46582DB1178D169C6BC465B0D6FF9CA3928FEF5B9AE4E418FC15E83EBEA0F87FA9FF5EED7005"
      + "0DED2849F47BF959D956850CE929851F0D8115F635B105EE2E4E15D04B2454BF6F4FADF034B10403119CD8E3B92FCC5B", 16);

  private static final int BITS = 2048;
  /**
   * {@link BigInteger#isProbablePrime} certainty. For 2048-bit inputs the JDK runs its maximum number of Miller-Rabin
   * rounds for that size plus a strong Lucas test (a BPSW-style test), which is stronger than 15 plain MR rounds.
   */
  private static final int CERTAINTY = 128;
  private static final int MAX_CACHED_PRIMES = 16;
  private static final BigInteger MARGIN = BigInteger.ONE.shiftLeft(BITS - 64);
  /** Safe primes already fully verified in this process; seeded with the known Telegram prime. */
  private static final Set<BigInteger> VERIFIED = ConcurrentHashMap.newKeySet();

  static {
    VERIFIED.add(TELEGRAM_PRIME);
  }

  private DhChecks() {
  }

  /**
   * Checks that p is a 2048-bit safe prime (p and (p−1)/2 prime; cached after the first full check) and that g is in
   * 2..7 and generates the subgroup of order (p−1)/2: g=2: p mod 8 = 7; g=3: p mod 3 = 2; g=4: always; g=5: p mod 5 ∈
   * {1,4}; g=6: p mod 24 ∈ {19,23}; g=7: p mod 7 ∈ {3,5,6}.
   */
  public static void checkDhParams(BigInteger p, int g) {
    if (p.signum() <= 0 || p.bitLength() != BITS) {
      throw new SecurityCheckException("dh_prime is not a 2048-bit number");
    }
    if (!generatorOk(p, g)) {
      throw new SecurityCheckException("g = " + g + " does not generate the prime-order subgroup of dh_prime");
    }
    if (VERIFIED.contains(p)) {
      return;
    }
    if (!p.isProbablePrime(CERTAINTY) || !p.shiftRight(1).isProbablePrime(CERTAINTY)) {
      throw new SecurityCheckException("dh_prime is not a safe prime");
    }
    if (VERIFIED.size() < MAX_CACHED_PRIMES) {
      VERIFIED.add(p);
    }
  }

  /**
   * Checks a DH public value (g_a, g_b, SRP's A and B): 1 < v < p−1 and 2^1984 ≤ v ≤ p − 2^1984.
   */
  public static void checkGa(BigInteger ga, BigInteger p) {
    if (!inRange(ga, p)) {
      throw new SecurityCheckException("DH public value out of the allowed range");
    }
  }

  /** The {@link #checkGa} condition as a boolean. */
  static boolean inRange(BigInteger v, BigInteger p) {
    BigInteger pMinusOne = p.subtract(BigInteger.ONE);
    return v.compareTo(BigInteger.ONE) > 0 && v.compareTo(pMinusOne) < 0
        && v.compareTo(MARGIN) >= 0 && v.compareTo(p.subtract(MARGIN)) <= 0;
  }

  private static boolean generatorOk(BigInteger p, int g) {
    switch (g) {
      case 2:
        return mod(p, 8) == 7;
      case 3:
        return mod(p, 3) == 2;
      case 4:
        return true;
      case 5:
        int r5 = mod(p, 5);
        return r5 == 1 || r5 == 4;
      case 6:
        int r24 = mod(p, 24);
        return r24 == 19 || r24 == 23;
      case 7:
        int r7 = mod(p, 7);
        return r7 == 3 || r7 == 5 || r7 == 6;
      default:
        return false;
    }
  }

  private static int mod(BigInteger p, int m) {
    return p.mod(BigInteger.valueOf(m)).intValue();
  }
}
