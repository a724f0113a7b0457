package dev.vertigram.bench;

import dev.vertigram.transport.ClientTransport;
import dev.vertigram.transport.ServerTransport;
import dev.vertigram.transport.TransportKind;
import io.vertx.core.buffer.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Decode throughput of the transport: one operation = a fresh {@link ServerTransport} decoding 4 MiB of client
 * frames (sniffing included) fed in 16 KiB chunks, as TCP would deliver them. MiB/s = 4 × ops/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TransportDecodeBenchmark {
  private static final int WIRE_PAYLOAD_BYTES = 4 << 20;
  private static final int CHUNK = 16 << 10;

  @Param({"ABRIDGED", "INTERMEDIATE", "PADDED_INTERMEDIATE", "FULL", "ABRIDGED+obf", "PADDED_INTERMEDIATE+obf"})
  public String transport;

  @Param({"1024", "524288"})
  public int frameSize;

  private List<Buffer> chunks;
  private List<Buffer> fresh;

  @Setup
  public void setup() {
    boolean obfuscated = transport.endsWith("+obf");
    TransportKind kind = TransportKind.valueOf(transport.replace("+obf", ""));
    ClientTransport client = ClientTransport.create(kind, obfuscated, 2);
    Random rnd = new Random(1);
    Buffer wire = Buffer.buffer();
    for (int sent = 0; sent < WIRE_PAYLOAD_BYTES; sent += frameSize) {
      // Shaped like an encrypted MTProto packet (8-byte non-zero auth_key_id, length 8 mod 16).
      byte[] payload = new byte[frameSize + 8];
      rnd.nextBytes(payload);
      payload[0] = 1;
      wire.appendBuffer(client.encode(Buffer.buffer(payload)));
    }
    chunks = new ArrayList<>();
    for (int pos = 0; pos < wire.length(); pos += CHUNK) {
      chunks.add(wire.getBuffer(pos, Math.min(wire.length(), pos + CHUNK)));
    }
  }

  /** The decoder owns what it is fed (it may deobfuscate in place): each invocation gets fresh chunks. */
  @Setup(Level.Invocation)
  public void freshChunks() {
    fresh = new ArrayList<>(chunks.size());
    for (Buffer chunk : chunks) {
      fresh.add(chunk.copy());
    }
  }

  @Benchmark
  public void decode(Blackhole bh) {
    ServerTransport server = new ServerTransport();
    for (Buffer chunk : fresh) {
      server.decode(chunk, bh::consume);
    }
  }
}
