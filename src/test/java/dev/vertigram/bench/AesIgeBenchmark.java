package dev.vertigram.bench;

import dev.vertigram.crypto.AesIge;
import java.security.GeneralSecurityException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
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
 * ops/s × size / 10^6). {@code cbcBaseline} is the JDK's intrinsic AES-256-CBC encryption of the same buffer, the
 * in-JVM counterpart of {@code openssl speed -evp aes-256-cbc}.
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
  private byte[] out;
  private Cipher cbc;

  /** Bytes processed, reported by JMH as a rate (bytes/s). */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Processed {
    public long bytes;
  }

  @Setup
  public void setup() throws GeneralSecurityException {
    Random r = new Random(1);
    key = new byte[32];
    iv = new byte[32];
    buf = new byte[size];
    out = new byte[size];
    r.nextBytes(key);
    r.nextBytes(iv);
    r.nextBytes(buf);
    cbc = Cipher.getInstance("AES/CBC/NoPadding");
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

  @Benchmark
  public int cbcBaseline(Processed p) throws GeneralSecurityException {
    cbc.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv, 0, 16));
    int n = cbc.doFinal(buf, 0, size, out, 0); // a separate output: in place, the JDK would copy the input first
    p.bytes += size;
    return n;
  }
}
