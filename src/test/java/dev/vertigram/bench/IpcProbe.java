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
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * A quick probe of {@link IpcBenchmark}'s two modes in one JVM, without JMH: rounds of 10,000 concurrent calls,
 * direct and forwarded alternately, calls/s printed per round. {@code java -cp ... dev.vertigram.bench.IpcProbe [rounds]}
 */
public final class IpcProbe {

  private static final int BURST = 10_000;
  private static final JsonObject NEAREST_DC = new JsonObject().put("_", "help.getNearestDc");

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    Vertx vertx = Vertx.vertx();
    LocalDc dc = await(LocalDc.start(vertx, new LocalDcOptions().ephemeralPorts(1)));
    ClientOptions options = new ClientOptions().addRsaKey(dc.publicKey().toPkcs1Pem()).apiId(1)
        .transport(new TransportOptions().obfuscated(false));
    for (DcEndpoint e : dc.endpoints()) {
      options.addDc(e.id(), e.host(), e.port());
    }
    MtprotoClient client = MtprotoClient.create(vertx, options);
    var folder = Files.createTempDirectory("vertigram-ipc-probe");
    IpcServer server = await(IpcServer.start(vertx, folder, client::call, new IpcOptions()));
    IpcClient forwarder = await(IpcClient.connect(vertx, folder, new IpcOptions()));
    RpcClient direct = client::call;
    await(direct.call(NEAREST_DC));
    boolean ipcOnly = args.length > 1 && args[1].equals("ipc");
    for (int r = 0; r < rounds; r++) {
      long c0 = cpu();
      double d = ipcOnly ? 1 : burst(vertx, direct);
      long c1 = cpu();
      double f = burst(vertx, forwarder);
      long c2 = cpu();
      double cpuDirect = (c1 - c0) / 1e3 / (5.0 * BURST);
      double cpuIpc = (c2 - c1) / 1e3 / (5.0 * BURST);
      System.out.printf("round %2d direct %8.0f ipc %8.0f ratio %.2f | cpu us/call direct %.2f ipc %.2f | gc ms %d%n",
          r, d, f, f / d, cpuDirect, cpuIpc, gcMillis());
    }
    await(forwarder.close());
    await(server.close());
    await(client.close());
    await(dc.close());
    await(vertx.close());
  }

  /** Process CPU time (ns): less sensitive than wall time to other jobs on the shared cores. */
  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static long gcMillis() {
    return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
  }

  private static double burst(Vertx vertx, RpcClient rpc) throws Exception {
    long t0 = System.nanoTime();
    int n = 5;
    for (int k = 0; k < n; k++) {
      Promise<Object> done = Promise.promise();
      vertx.runOnContext(v -> {
        List<Future<JsonObject>> calls = new ArrayList<>(BURST);
        for (int i = 0; i < BURST; i++) {
          calls.add(rpc.call(NEAREST_DC));
        }
        Future.all(calls).<Object>map(all -> all).onComplete(done);
      });
      await(done.future());
    }
    return n * BURST * 1e9 / (System.nanoTime() - t0);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return Futures.await(future);
  }
}
