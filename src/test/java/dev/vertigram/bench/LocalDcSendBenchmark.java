package dev.vertigram.bench;

import dev.vertigram.testing.Futures;
import dev.vertigram.client.AuthKeyStore;
import dev.vertigram.client.ClientOptions;
import dev.vertigram.client.MtprotoClient;
import dev.vertigram.localdc.DcEndpoint;
import dev.vertigram.localdc.LocalDc;
import dev.vertigram.localdc.LocalDcOptions;
import dev.vertigram.transport.TransportOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
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

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * messages.sendMessage through the Local DC with the real client, in-process over loopback TCP: one sender and two
 * online recipients (three clients, logged in with {@link LocalDc#authorize}). Each invocation sends {@value #BURST}
 * concurrent messages, alternately to each recipient, and ends when every send is answered and every recipient's
 * update has arrived: score = messages delivered per second. {@link #main} runs it briefly without JMH and writes
 * {@code bench/results/localdc-send.json}.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LocalDcSendBenchmark {

  private static final int BURST = 2_000;

  private Vertx vertx;
  private LocalDc dc;
  private MtprotoClient sender;
  private final List<MtprotoClient> recipients = new ArrayList<>();
  private final List<JsonObject> peers = new ArrayList<>();
  private final AtomicLong delivered = new AtomicLong();
  private volatile Promise<Void> allDelivered;
  private volatile long target;
  private long randomId;

  @Setup(Level.Trial)
  public void start() throws Exception {
    vertx = Vertx.vertx();
    dc = await(LocalDc.start(vertx, new LocalDcOptions().ephemeralPorts(1)));
    sender = login("sender", 7_000_001L);
    for (int i = 0; i < 2; i++) {
      long id = 7_000_002L + i;
      MtprotoClient r = login("recipient" + i, id);
      r.updateHandler(u -> {
        if (delivered.incrementAndGet() == target) {
          allDelivered.tryComplete();
        }
      });
      await(r.call(new JsonObject().put("_", "account.updateUsername").put("username", "bench_rcpt_" + i)));
      JsonObject user = await(sender.call(new JsonObject().put("_", "contacts.resolveUsername")
          .put("username", "bench_rcpt_" + i))).getJsonArray("users").getJsonObject(0);
      peers.add(new JsonObject().put("_", "inputPeerUser").put("user_id", id)
          .put("access_hash", user.getLong("access_hash")));
      recipients.add(r);
    }
  }

  private MtprotoClient login(String name, long userId) throws Exception {
    ClientOptions options = new ClientOptions().addRsaKey(dc.publicKey().toPkcs1Pem()).apiId(1).apiHash("bench")
        .transport(new TransportOptions().obfuscated(false)).homeDc(1);
    for (DcEndpoint e : dc.endpoints()) {
      options.addDc(e.id(), e.host(), e.port());
    }
    AuthKeyStore keys = AuthKeyStore.inMemory();
    MtprotoClient client = MtprotoClient.create(vertx, name, options, keys);
    await(client.call(new JsonObject().put("_", "help.getNearestDc")));
    if (!dc.authorize(await(keys.permKey(1)).id(), userId)) {
      throw new IllegalStateException("no key for " + name);
    }
    await(client.call(new JsonObject().put("_", "help.getNearestDc"))); // online: registered for pushes
    return client;
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    for (MtprotoClient c : recipients) {
      await(c.close());
    }
    await(sender.close());
    await(dc.close());
    await(vertx.close());
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OperationsPerInvocation(BURST)
  public Object burst() throws Exception {
    Promise<Void> done = Promise.promise();
    allDelivered = done;
    target = delivered.get() + BURST;
    Promise<Object> sent = Promise.promise();
    vertx.runOnContext(v -> {
      List<Future<JsonObject>> calls = new ArrayList<>(BURST);
      for (int i = 0; i < BURST; i++) {
        calls.add(sender.call(new JsonObject().put("_", "messages.sendMessage").put("peer", peers.get(i % 2))
            .put("message", "bench " + i).put("random_id", ++randomId)));
      }
      Future.all(calls).<Object>map(all -> all).onComplete(sent);
    });
    await(sent.future());
    return await(done.future());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return Futures.await(future);
  }

  /**
   * A brief run without JMH: {@code args[1]} (default 10) warm-up bursts, then {@code args[0]} (default 10) bursts; writes the result file with the rate,
   * the process CPU per message (client and DC together) and the CPU per message of the busiest thread, which is the
   * DC's event loop (every connection of a DC lives on its one loop), the JIT and GC time spent meanwhile, and the
   * 1-minute load average at the start.
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    LocalDcSendBenchmark b = new LocalDcSendBenchmark();
    b.start();
    try {
      for (int i = 0; i < warmUp; i++) {
        b.burst();
      }
      ThreadCpu threads = new ThreadCpu();
      long jit0 = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
      long gc0 = gcMillis();
      long cpu0 = ThreadCpu.processNanos();
      long t0 = System.nanoTime();
      for (int i = 0; i < rounds; i++) {
        b.burst();
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      long messages = rounds * (long) BURST;
      double rate = messages / seconds;
      Map.Entry<String, Long> busiest = threads.busiest();
      JsonObject result = new JsonObject().put("benchmark", "LocalDcSendBenchmark.burst")
          .put("messages_per_second", Math.round(rate)).put("messages", messages).put("seconds", seconds)
          .put("process_cpu_us_per_message", round((ThreadCpu.processNanos() - cpu0) / 1e3 / messages))
          .put("busiest_thread", busiest.getKey())
          .put("busiest_thread_cpu_us_per_message", round(busiest.getValue() / 1e3 / messages))
          .put("jit_compilation_ms", ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit0)
          .put("gc_ms", gcMillis() - gc0)
          .put("recipients", 2).put("concurrent_sends", BURST).put("load_average_1m", round(load))
          .put("cores", Runtime.getRuntime().availableProcessors());
      Path out = Path.of("bench", "results", "localdc-send.json");
      Files.createDirectories(out.getParent());
      Files.writeString(out, result.encodePrettily() + "\n");
      System.out.println(result.encode());
    } finally {
      b.stop();
    }
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(g -> g.getCollectionTime()).sum();
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
