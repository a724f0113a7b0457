package dev.vertigram.crypto;

import java.math.BigInteger;

/**
 * Factors the handshake's pq (a product of two primes below 2^63) with Pollard–Brent rho. Multiplication mod n is
 * Montgomery multiplication on {@link Math#multiplyHigh}, so no 128-bit or BigInteger arithmetic runs in the loop; the
 * rho map is y ↦ y²·R⁻¹ + c mod n (still a polynomial mod every prime factor, which is all rho needs).
 */
public final class PqFactorizer {

  /** Rho steps between gcds. */
  private static final int BATCH = 128;
  /** Different constants c tried before giving up. */
  private static final int MAX_ATTEMPTS = 64;
  /** Cycle-length bound per attempt: far beyond the ~2^17 steps a 2^63 semiprime needs. */
  private static final long MAX_CYCLE = 1L << 28;

  private PqFactorizer() {
  }

  /**
   * @param pq a composite number, 4 ≤ pq ≤ 2^63−1
   * @return {p, q} with p ≤ q and p·q = pq (for a semiprime: its two prime factors)
   * @throws IllegalArgumentException if pq is prime, below 4, or could not be factored
   */
  public static long[] factor(long pq) {
    return factor(pq, new long[1]);
  }

  /** As {@link #factor(long)}, adding the number of rho steps taken to {@code steps[0]}. */
  static long[] factor(long pq, long[] steps) {
    if (pq < 4) {
      throw new IllegalArgumentException("pq must be a composite number >= 4");
    }
    if ((pq & 1) == 0) {
      return ordered(2, pq >>> 1);
    }
    if (BigInteger.valueOf(pq).isProbablePrime(64)) {
      throw new IllegalArgumentException("pq is prime");
    }
    Montgomery mont = new Montgomery(pq);
    for (long c = 1; c <= MAX_ATTEMPTS; c++) {
      long d = brent(mont, c % pq, steps);
      if (d != pq) {
        return ordered(d, pq / d);
      }
    }
    throw new IllegalArgumentException("could not factor pq");
  }

  /** One Pollard–Brent run with constant c < n; returns a divisor of n, possibly n itself (failure). */
  private static long brent(Montgomery mont, long c, long[] steps) {
    long n = mont.n;
    long y = 2 % n;
    long x = y;
    long ys = y;
    long q = 1;
    long g = 1;
    for (long r = 1; g == 1 && r <= MAX_CYCLE; r <<= 1) {
      x = y;
      for (long i = 0; i < r; i++) {
        y = mont.step(y, c);
      }
      steps[0] += r;
      for (long k = 0; k < r && g == 1; k += BATCH) {
        ys = y;
        long m = Math.min(BATCH, r - k);
        for (long i = 0; i < m; i++) {
          y = mont.step(y, c);
          q = mont.mul(q, Math.abs(x - y));
        }
        steps[0] += m;
        g = gcd(q, n);
      }
    }
    if (g == n) {
      do {
        ys = mont.step(ys, c);
        steps[0]++;
        g = gcd(Math.abs(x - ys), n);
      } while (g == 1);
    }
    return g == 1 ? n : g;
  }

  private static long gcd(long a, long b) {
    if (a == 0) {
      return b;
    }
    int shift = Long.numberOfTrailingZeros(a | b);
    a >>>= Long.numberOfTrailingZeros(a);
    while (b != 0) {
      b >>>= Long.numberOfTrailingZeros(b);
      if (a > b) {
        long t = a;
        a = b;
        b = t;
      }
      b -= a;
    }
    return a << shift;
  }

  private static long[] ordered(long a, long b) {
    return a <= b ? new long[] {a, b} : new long[] {b, a};
  }

  /** Montgomery arithmetic modulo an odd n < 2^63, R = 2^64. */
  private static final class Montgomery {
    final long n;
    /** −n⁻¹ mod 2^64. */
    final long nInvNeg;

    Montgomery(long n) {
      this.n = n;
      long inv = n; // correct to 3 bits for odd n; each Newton step doubles the precision
      for (int i = 0; i < 5; i++) {
        inv *= 2 - n * inv;
      }
      this.nInvNeg = -inv;
    }

    /** a·b·R⁻¹ mod n for 0 ≤ a, b < n. */
    long mul(long a, long b) {
      long lo = a * b;
      long hi = Math.multiplyHigh(a, b); // a, b ≥ 0: signed high = unsigned high
      long m = lo * nInvNeg;
      long mnHi = Math.multiplyHigh(m, n) + ((m >> 63) & n); // unsigned high of m·n
      long r = hi + mnHi + (lo != 0 ? 1 : 0); // lo + low(m·n) ≡ 0 mod 2^64, carrying iff lo ≠ 0
      return Long.compareUnsigned(r, n) >= 0 ? r - n : r;
    }

    /** The rho map y ↦ y²·R⁻¹ + c mod n. */
    long step(long y, long c) {
      long s = mul(y, y) + c;
      return s >= n ? s - n : s;
    }
  }
}
