package dev.vertigram.bench;

import dev.vertigram.testing.Futures;
import dev.vertigram.client.ClientOptions;
import dev.vertigram.client.MtprotoClient;
import dev.vertigram.ipc.IpcClient;
import dev.vertigram.ipc.IpcOptions;
import dev.vertigram.ipc.IpcServer;
import dev.vertigram.ipc.RpcClient;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

/**
 * Calls/s of 10,000 concurrent help.getNearestDc against the in-process Local DC, {@code direct} on the owner's
 * client or {@code ipc}: forwarded by an {@link IpcClient} over the session's UNIX socket (one JVM, both ends).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IpcBenchmark {

  private static final int BURST = 10_000;
  private static final JsonObject NEAREST_DC = new JsonObject().put("_", "help.getNearestDc");

  @Param({"direct", "ipc"})
  public String mode;

  private Vertx vertx;
  private LocalDc dc;
  private MtprotoClient client;
  private IpcServer server;
  private IpcClient forwarder;
  private RpcClient rpc;

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
    var folder = Files.createTempDirectory("vertigram-ipc-bench");
    server = await(IpcServer.start(vertx, folder, client::call, new IpcOptions()));
    forwarder = await(IpcClient.connect(vertx, folder, new IpcOptions()));
    rpc = mode.equals("ipc") ? forwarder : client::call;
    await(rpc.call(NEAREST_DC));
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    await(forwarder.close());
    await(server.close());
    await(client.close());
    await(dc.close());
    await(vertx.close());
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OperationsPerInvocation(BURST)
  public Object burst() throws Exception {
    return Bursts.run(vertx, rpc::call, NEAREST_DC, BURST);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return Futures.await(future);
  }
}
