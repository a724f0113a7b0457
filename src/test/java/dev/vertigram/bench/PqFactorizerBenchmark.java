package dev.vertigram.bench;

import dev.vertigram.crypto.PqFactorizer;
import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Average time to factor a 62-bit pq (two random 31-bit primes), cycling through 256 fixed semiprimes. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PqFactorizerBenchmark {

  private final long[] semiprimes = new long[256];
  private int next;

  @Setup
  public void setup() {
    Random r = new Random(7);
    for (int i = 0; i < semiprimes.length; i++) {
      long p = BigInteger.probablePrime(31, r).longValueExact();
      semiprimes[i] = p * BigInteger.probablePrime(31, r).longValueExact();
    }
  }

  @Benchmark
  public long[] factor62BitSemiprime() {
    next = (next + 1) & (semiprimes.length - 1);
    return PqFactorizer.factor(semiprimes[next]);
  }
}
