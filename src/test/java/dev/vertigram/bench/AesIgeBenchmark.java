package dev.vertigram.bench;

import dev.vertigram.crypto.AesIge;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * AES-256-IGE throughput, in place, on 1 KiB, 64 KiB and 1 MiB buffers (one thread). The primary score is calls per
 * second; the {@code bytes} secondary score counts processed bytes per second, so MB/s = bytes score / 10^6 (equally:
 * ops/s × size / 10^6).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AesIgeBenchmark {

  @Param({"1024", "65536", "1048576"})
  public int size;

  private byte[] key;
  private byte[] iv;
  private byte[] buf;

  /** Bytes processed, reported by JMH as a rate (bytes/s). */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Processed {
    public long bytes;
  }

  @Setup
  public void setup() {
    Random r = new Random(1);
    key = new byte[32];
    iv = new byte[32];
    buf = new byte[size];
    r.nextBytes(key);
    r.nextBytes(iv);
    r.nextBytes(buf);
  }

  @Benchmark
  public byte[] encrypt(Processed p) {
    AesIge.encrypt(key, iv, buf, 0, size);
    p.bytes += size;
    return buf;
  }

  @Benchmark
  public byte[] decrypt(Processed p) {
    AesIge.decrypt(key, iv, buf, 0, size);
    p.bytes += size;
    return buf;
  }
}
