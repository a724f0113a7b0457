package dev.vertigram.bench;

import dev.vertigram.testing.Futures;
import dev.vertigram.client.ClientOptions;
import dev.vertigram.client.MtprotoClient;
import dev.vertigram.localdc.DcEndpoint;
import dev.vertigram.localdc.LocalDc;
import dev.vertigram.localdc.LocalDcOptions;
import dev.vertigram.transport.TransportOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

/**
 * Calls through one client connection to the Local DC, in-process over loopback TCP (the server's work is included):
 * {@code burst} = 10,000 concurrent help.getNearestDc made in one event-loop tick (score = calls/s), {@code single} =
 * the latency of one call at a time (sample mode: p50/p99 in µs).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RpcThroughputBenchmark {

  private static final int BURST = 10_000;
  private static final JsonObject NEAREST_DC = new JsonObject().put("_", "help.getNearestDc");

  private Vertx vertx;
  private LocalDc dc;
  private MtprotoClient client;

  @Setup(Level.Trial)
  public void start() throws Exception {
    vertx = Vertx.vertx();
    dc = await(LocalDc.start(vertx, new LocalDcOptions().ephemeralPorts(1)));
    ClientOptions options = new ClientOptions().addRsaKey(dc.publicKey().toPkcs1Pem()).apiId(1)
        .transport(new TransportOptions().obfuscated(false));
    for (DcEndpoint e : dc.endpoints()) {
      options.addDc(e.id(), e.host(), e.port());
    }
    client = MtprotoClient.create(vertx, options);
    await(client.call(NEAREST_DC));
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    await(client.close());
    await(dc.close());
    await(vertx.close());
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OperationsPerInvocation(BURST)
  public Object burst() throws Exception {
    return Bursts.run(vertx, client::call, NEAREST_DC, BURST);
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Object single() throws Exception {
    return await(client.call(NEAREST_DC));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return Futures.await(future);
  }
}
