package dev.vertigram.bench;

import dev.vertigram.testing.Futures;
import dev.vertigram.client.ClientOptions;
import dev.vertigram.client.Settings;
import dev.vertigram.client.Vertigram;
import dev.vertigram.localdc.DcEndpoint;
import dev.vertigram.localdc.LocalDc;
import dev.vertigram.localdc.LocalDcOptions;
import dev.vertigram.localdc.world.Mailbox;
import dev.vertigram.storage.StoreOptions;
import dev.vertigram.updates.EventHandler;
import dev.vertigram.updates.Handler;
import dev.vertigram.updates.UpdatesVerticle;
import dev.vertigram.updates.Vertigrams;
import dev.vertigram.updates.impl.HandlerLink;
import dev.vertigram.updates.impl.StateStore;
import dev.vertigram.updates.impl.UpdateFeed;
import dev.vertigram.updates.impl.UpdatesEnv;
import dev.vertigram.updates.impl.UpdatesSource;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Updates per second delivered to an {@link EventHandler} ({@link Counting}: {@code onUpdateNewMessage} plus one
 * filtered {@code @Handler("incoming")} method), three ways:
 * <ol>
 *   <li><b>live</b>: the receiver runs through {@code Vertigrams.startAndLoop}; {@value #SENDERS} sender sessions
 *   send {@code messages.sendMessage} to it concurrently (windowed); the rate is messages counted by the handler per
 *   second, from the first send to the last delivery (end to end: senders, Local DC, pushes, state machine, event
 *   bus, dispatch; all in one process on the same cores);</li>
 *   <li><b>catch-up</b>: the receiver is offline while the senders queue {@value #BACKLOG} messages (after a 3,000-message warm-up catch-up; under the DC's
 *   kept log of {@link Mailbox#MAX_EVENTS}); then {@code startAndLoop}; the rate is the backlog over the time from the
 *   first to the last delivered update (getDifference slices of 100), with the time from startAndLoop also given;</li>
 *   <li><b>client</b>: no DC: a synthetic {@link UpdatesSource} pushes {@code updates} containers of 100
 *   {@code updateNewMessage} with consecutive pts into an {@link UpdatesVerticle}, whose handler is the same
 *   EventHandler; this is the client side's ceiling (state machine, event bus, dispatch).</li>
 * </ol>
 * Writes bench/results/updates.json. {@code args[0]} scales the message counts (default 1).
 */
public final class UpdatesHarness {

  static final int SENDERS = 4;
  static final int BACKLOG = 9_900;
  static final AtomicLong COUNT = new AtomicLong();
  static final AtomicLong FILTERED = new AtomicLong();
  static volatile long firstAt;
  static volatile long lastAt;

  /** The measured handler: counts updateNewMessage, and incoming ones through a filter. */
  public static class Counting extends EventHandler {
    public void onUpdateNewMessage(JsonObject update) {
      long n = COUNT.incrementAndGet();
      long now = System.nanoTime();
      if (n == 1) {
        firstAt = now;
      }
      lastAt = now;
    }

    @Handler("incoming")
    public void incoming(JsonObject update) {
      FILTERED.incrementAndGet();
    }
  }

  private static Vertx vertx;
  private static LocalDc dc;
  private static Path root;
  private static int phone = (int) (System.nanoTime() % 5000);

  public static void main(String[] args) throws Exception {
    double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1;
    String only = args.length > 1 ? args[1] : "all";
    vertx = Vertx.vertx();
    root = Files.createTempDirectory("updates-bench");
    JsonObject result = new JsonObject().put("benchmark", "updates").put("cores",
        Runtime.getRuntime().availableProcessors());
    try {
      if (only.equals("all") || only.equals("client")) {
        result.put("client", client((int) (400_000 * scale)));
      }
      if (!only.equals("client")) {
        dc = await(LocalDc.start(vertx, new LocalDcOptions().ephemeralPorts(1, 2, 3)
            .rsaKeyFile(root.resolve("rsa.pem").toString())));
        if (!only.equals("catchup")) {
          result.put("live", live((int) (20_000 * scale)));
        }
        result.put("catchup", catchup(Math.min(BACKLOG, (int) (BACKLOG * scale))));
      }
    } finally {
      result.put("note", "live: end to end, bounded by the Local DC's sendMessage rate (same process, same 2 cores);"
          + " catchup: getDifference slices of 100 (the DC keeps 10,000 updates), one RPC round trip per slice;"
          + " client: synthetic updates containers of 100 into UpdatesVerticle -> event bus -> EventHandler,"
          + " the client-side ceiling (no peer database feed, in-memory state store)");
      Path out = Path.of("bench", "results", "updates.json");
      Files.createDirectories(out.getParent());
      Files.writeString(out, result.encodePrettily() + "\n");
      System.out.println(result.encodePrettily());
      System.exit(0);
    }
  }

  // ---------------------------------------------------------------- end to end against the Local DC

  private static JsonObject live(int messages) throws Exception {
    String bName = "ubrcv" + System.nanoTime() % 1_000_000;
    Vertigram b0 = newUser("live-recv", bName);
    await(b0.close());
    List<Vertigram> senders = senders("live");
    reset();
    Vertigram b = await(Vertigrams.startAndLoop(vertx, "live-recv", settings(root.resolve("live-recv")),
        Counting.class));
    // warm-up
    sendAll(senders, "@" + bName, 2_000, 200);
    waitCount(2_000, 30_000);
    reset();
    long t0 = System.nanoTime();
    sendAll(senders, "@" + bName, messages, 400);
    long sentAt = System.nanoTime();
    boolean complete = waitCount(messages, 60_000);
    long t1 = lastAt;
    double seconds = (t1 - t0) / 1e9;
    JsonObject r = new JsonObject().put("what", SENDERS + " sender sessions -> Local DC -> 1 receiver (startAndLoop)")
        .put("messages", messages).put("delivered", COUNT.get()).put("filtered", FILTERED.get())
        .put("complete", complete).put("seconds", seconds)
        .put("updates_per_second", Math.round(COUNT.get() / seconds))
        .put("sends_per_second", Math.round(messages / ((sentAt - t0) / 1e9)));
    await(b.close());
    for (Vertigram s : senders) {
      await(s.close());
    }
    return r;
  }

  private static JsonObject catchup(int messages) throws Exception {
    String bName = "ubcat" + System.nanoTime() % 1_000_000;
    Vertigram b0 = newUser("cat-recv", bName);
    await(b0.close());
    List<Vertigram> senders = senders("cat");
    // the receiver gets a saved state first (so its next start runs getDifference rather than getState)
    Vertigram b1 = await(Vertigrams.startAndLoop(vertx, "cat-recv", settings(root.resolve("cat-recv")),
        Counting.class));
    await(b1.close());
    // warm-up: one smaller catch-up (JIT of the TL codec, getDifference and dispatch paths)
    sendAll(senders, "@" + bName, 3_000, 400);
    reset();
    b1 = await(Vertigrams.startAndLoop(vertx, "cat-recv", settings(root.resolve("cat-recv")), Counting.class));
    waitCount(3_000, 30_000);
    await(b1.close());
    sendAll(senders, "@" + bName, messages, 400);
    long differences = dc.stats().executions("updates.getDifference");
    reset();
    long t0 = System.nanoTime();
    Vertigram b = await(Vertigrams.startAndLoop(vertx, "cat-recv", settings(root.resolve("cat-recv")),
        Counting.class));
    boolean complete = waitCount(messages, 60_000);
    long startToFirst = firstAt - t0;
    double seconds = (lastAt - firstAt) / 1e9;
    double total = (lastAt - t0) / 1e9;
    JsonObject r = new JsonObject().put("what", "backlog queued while offline, delivered by getDifference at start")
        .put("messages", messages).put("delivered", COUNT.get()).put("complete", complete)
        .put("getDifference_calls", dc.stats().executions("updates.getDifference") - differences)
        .put("seconds_first_to_last", seconds).put("seconds_from_startAndLoop", total)
        .put("ms_startAndLoop_to_first_update", startToFirst / 1e6)
        .put("updates_per_second", Math.round(COUNT.get() / seconds))
        .put("updates_per_second_incl_start", Math.round(COUNT.get() / total));
    await(b.close());
    for (Vertigram s : senders) {
      await(s.close());
    }
    return r;
  }

  private static List<Vertigram> senders(String prefix) throws Exception {
    List<Vertigram> out = new ArrayList<>();
    for (int i = 0; i < SENDERS; i++) {
      out.add(newUser(prefix + "-send" + i, null));
    }
    return out;
  }

  /** Each sender sends its share, at most {@code window} in flight per sender; completes when all are answered. */
  private static void sendAll(List<Vertigram> senders, String peer, int messages, int window) throws Exception {
    List<Future<Void>> all = new ArrayList<>();
    for (int s = 0; s < senders.size(); s++) {
      Vertigram tg = senders.get(s);
      int share = messages / senders.size() + (s < messages % senders.size() ? 1 : 0);
      Promise<Void> done = Promise.promise();
      int id = s;
      vertx.runOnContext(v -> new Object() {
        int next;
        int answered;

        void pump() {
          while (next < share && next - answered < window) {
            int i = next++;
            tg.call(new JsonObject().put("_", "messages.sendMessage").put("peer", peer)
                .put("message", "bench " + id + " " + i)).onComplete(ar -> {
                  answered++;
                  if (ar.failed()) {
                    done.tryFail(ar.cause());
                  } else if (answered == share) {
                    done.tryComplete();
                  } else {
                    pump();
                  }
                });
          }
        }
      }.pump());
      all.add(share == 0 ? Future.succeededFuture() : done.future());
    }
    await(Future.all(all), 120);
  }

  private static Settings settings(Path folder) {
    ClientOptions options = new ClientOptions().addRsaKey(dc.publicKey().toPkcs1Pem()).apiId(1).apiHash("bench")
        .homeDc(1);
    for (DcEndpoint e : dc.endpoints()) {
      options.addDc(e.id(), e.host(), e.port());
    }
    return new Settings().client(options).storage(new StoreOptions().setFolder(folder.toString()));
  }

  /** A new signed-up user (test number 99966XYYYY, code X×5) in its own session folder. */
  private static Vertigram newUser(String session, String username) throws Exception {
    String number = "999667" + String.format("%04d", ++phone % 10_000);
    Vertigram tg = await(Vertigram.open(vertx, session, settings(root.resolve(session))));
    await(tg.phoneLogin(number));
    JsonObject r = await(tg.completePhoneLogin("77777"));
    if ("auth.authorizationSignUpRequired".equals(r.getString("_"))) {
      await(tg.completeSignup(session, ""));
    }
    if (username != null) {
      await(tg.call(new JsonObject().put("_", "account.updateUsername").put("username", username)));
    }
    return tg;
  }

  // ---------------------------------------------------------------- client side only

  private static JsonObject client(int updates) throws Exception {
    int perContainer = 100;
    int containers = updates / perContainer;
    SyntheticSource source = new SyntheticSource();
    String session = "synthetic";
    Counting handler = new Counting();
    UpdatesVerticle verticle = new UpdatesVerticle(session, source);
    Method bind = EventHandler.class.getDeclaredMethod("bind", String.class, HandlerLink.class);
    bind.setAccessible(true);
    bind.invoke(handler, session, new HandlerLink() {
      @Override
      public Future<JsonObject> call(JsonObject method) {
        return Future.failedFuture("offline");
      }

      @Override
      public Future<Long> peerId(Object peer) {
        return Future.failedFuture("offline");
      }

      @Override
      public dev.vertigram.storage.StringMap fields() {
        return null;
      }

      @Override
      public UpdateFeed updates() {
        return verticle.feed();
      }

      @Override
      public String selfUsername() {
        return "me";
      }
    });
    await(vertx.deployVerticle(handler));
    await(vertx.deployVerticle(verticle));
    // warm-up, then the measured run
    int warm = Math.max(1, containers / 4);
    push(source, 0, warm, perContainer);
    waitCount((long) warm * perContainer, 60_000);
    reset();
    long t0 = System.nanoTime();
    push(source, warm, warm + containers, perContainer);
    boolean complete = waitCount((long) containers * perContainer, 60_000);
    double seconds = (lastAt - t0) / 1e9;
    return new JsonObject().put("what", "synthetic updates containers (100 updateNewMessage each) -> UpdatesVerticle"
            + " -> event bus -> EventHandler")
        .put("updates", (long) containers * perContainer).put("delivered", COUNT.get())
        .put("filtered", FILTERED.get()).put("complete", complete).put("seconds", seconds)
        .put("updates_per_second", Math.round(COUNT.get() / seconds));
  }

  /** Pushes containers {@code from..to} (pts 1..), keeping at most 50,000 updates ahead of the handler. */
  private static void push(SyntheticSource source, int from, int to, int per) throws InterruptedException {
    long base = COUNT.get();
    for (int c = from; c < to; c++) {
      while ((long) (c - from) * per - (COUNT.get() - base) > 50_000) {
        Thread.sleep(1);
      }
      JsonArray list = new JsonArray();
      for (int i = 0; i < per; i++) {
        int pts = c * per + i + 1;
        list.add(new JsonObject().put("_", "updateNewMessage").put("pts", pts).put("pts_count", 1)
            .put("message", new JsonObject().put("_", "message").put("id", pts).put("out", false)
                .put("peer_id", new JsonObject().put("_", "peerUser").put("user_id", 42L))
                .put("from_id", new JsonObject().put("_", "peerUser").put("user_id", 42L))
                .put("date", 1_700_000_000).put("message", "hello " + pts)));
      }
      source.updates.handle(new JsonObject().put("_", "updates").put("updates", list).put("users", new JsonArray())
          .put("chats", new JsonArray()).put("date", 1_700_000_000).put("seq", 0));
    }
  }

  /** A session without a DC: the state starts at pts 0, saves go nowhere. */
  private static final class SyntheticSource implements UpdatesSource {
    volatile io.vertx.core.Handler<JsonObject> updates;

    @Override
    public UpdatesEnv env() {
      return new UpdatesEnv() {
        @Override
        public Future<JsonObject> call(JsonObject method) {
          if (method.getString("_").equals("updates.getState")) {
            return Future.succeededFuture(new JsonObject().put("_", "updates.state").put("pts", 0).put("qts", 0)
                .put("seq", 0).put("date", 0));
          }
          return Future.failedFuture("offline: " + method.getString("_"));
        }

        @Override
        public Future<JsonObject> inputChannel(long channelId) {
          return Future.failedFuture("offline");
        }

        @Override
        public long selfId() {
          return 1;
        }

        @Override
        public void deliver(JsonObject update) {
          throw new UnsupportedOperationException();
        }

        @Override
        public void entities(JsonObject container) {
        }
      };
    }

    @Override
    public StateStore stateStore() {
      return new StateStore() {
        @Override
        public Future<JsonObject> loadCommon() {
          return Future.succeededFuture();
        }

        @Override
        public Future<Map<Long, Integer>> loadChannels() {
          return Future.succeededFuture(Map.of());
        }

        @Override
        public Future<Void> saveCommon(JsonObject state) {
          return Future.succeededFuture();
        }

        @Override
        public Future<Void> saveChannel(long channelId, int pts) {
          return Future.succeededFuture();
        }
      };
    }

    @Override
    public void subscribe(io.vertx.core.Handler<JsonObject> updates, io.vertx.core.Handler<String> resets) {
      this.updates = updates;
    }
  }

  // ---------------------------------------------------------------- helpers

  private static void reset() {
    COUNT.set(0);
    FILTERED.set(0);
    firstAt = 0;
    lastAt = 0;
  }

  private static boolean waitCount(long n, long ms) throws InterruptedException {
    long end = System.currentTimeMillis() + ms;
    while (COUNT.get() < n) {
      if (System.currentTimeMillis() > end) {
        return false;
      }
      Thread.sleep(2);
    }
    return true;
  }

  private static <T> T await(Future<T> future) throws Exception {
    return Futures.await(future);
  }

  private static <T> T await(Future<T> future, int seconds) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
  }
}
