package dev.vertigram.bench;

import dev.vertigram.testing.Futures;
import dev.vertigram.localdc.LocalDc;
import dev.vertigram.localdc.LocalDcOptions;
import dev.vertigram.localdc.world.Mailbox;
import dev.vertigram.updates.EventHandler;
import dev.vertigram.updates.Handler;
import dev.vertigram.updates.UpdatesVerticle;
import dev.vertigram.updates.impl.HandlerLink;
import dev.vertigram.updates.impl.StateStore;
import dev.vertigram.updates.impl.UpdateFeed;
import dev.vertigram.updates.impl.UpdatesEnv;
import dev.vertigram.updates.impl.UpdatesSource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Updates per second delivered to an {@link EventHandler} ({@link Counting}: {@code onUpdateNewMessage} /
 * {@code onUpdateNewChannelMessage} plus one filtered {@code @Handler("incoming")} method). End to end against the
 * Local DC ({@link UpdatesDcScenarios}, all in one process on the same cores):
 * <ol>
 *   <li><b>forward</b>: senders forward 100 messages per messages.forwardMessages to the receiver (one pushed Updates of
 *   100 updateNewMessage each, as Telegram sends a forwarded selection);</li>
 *   <li><b>group</b>: the same into a megagroup of the receiver and the senders (updateNewChannelMessage, channel
 *   pts);</li>
 *   <li><b>live</b>: one messages.sendMessage per update (one push of one update each);</li>
 *   <li><b>catch-up</b>: {@value #BACKLOG} messages queued while the receiver is offline (under the DC's kept log of
 *   {@link Mailbox#MAX_EVENTS}), then {@code startAndLoop}: getDifference slices;</li>
 * </ol>
 * and <b>client</b>: no DC, a synthetic {@link UpdatesSource} pushes {@code updates} containers of 100
 * {@code updateNewMessage} with consecutive pts into an {@link UpdatesVerticle} feeding the same EventHandler: the
 * client side's ceiling (state machine, feed, dispatch).
 *
 * <p>Writes bench/results/updates.json. {@code args[0]} scales the counts, except the catch-up backlog (default 1);
 * {@code args[1]} runs one scenario (client, forward, group, live, catchup; default all).
 */
public final class UpdatesHarness {

  static final int BACKLOG = 9_900;
  static final String NOTE = "forward/group/live/catchup: end to end over TCP, the Local DC and every session in one"
      + " process on the same cores; forward and group: one pushed Updates of 100 per call; live: one push per"
      + " sendMessage, bounded by the Local DC's sendMessage rate; catchup: getDifference slices of the Local DC's"
      + " size, one RPC round trip per slice; client: synthetic containers of 100 into UpdatesVerticle -> UpdateFeed"
      + " -> EventHandler (no peer database feed, in-memory state store)";
  static final AtomicLong COUNT = new AtomicLong();
  static final AtomicLong FILTERED = new AtomicLong();
  static volatile long firstAt;
  static volatile long lastAt;

  /** The measured handler: counts updateNewMessage, and incoming ones through a filter. */
  public static class Counting extends EventHandler {
    public void onUpdateNewMessage(JsonObject update) {
      count();
    }

    public void onUpdateNewChannelMessage(JsonObject update) {
      count();
    }

    private static void count() {
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

  public static void main(String[] args) throws Exception {
    double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1;
    String only = args.length > 1 ? args[1] : "all";
    Vertx vertx = Vertx.vertx();
    Path root = Files.createTempDirectory("updates-bench");
    JsonObject result = new JsonObject().put("benchmark", "updates").put("cores",
        Runtime.getRuntime().availableProcessors()).put("target_updates_per_second", 50_000)
        .put("load_average_1m_at_start", loadAverage());
    try {
      if (wanted(only, "client")) {
        result.put("client", client(vertx, (int) (400_000 * scale)));
      }
      if (!only.equals("client")) {
        LocalDc dc = await(LocalDc.start(vertx, new LocalDcOptions().ephemeralPorts(1, 2, 3)
            .rsaKeyFile(root.resolve("rsa.pem").toString())));
        UpdatesDcScenarios dcs = new UpdatesDcScenarios(vertx, dc, root);
        if (wanted(only, "forward")) {
          result.put("forward", dcs.forward((int) (200_000 * scale)));
        }
        if (wanted(only, "group")) {
          result.put("group", dcs.group((int) (200_000 * scale)));
        }
        if (wanted(only, "live")) {
          result.put("live", dcs.live((int) (20_000 * scale)));
        }
        if (wanted(only, "catchup")) {
          result.put("catchup", dcs.catchup(BACKLOG));
        }
      }
    } finally {
      result.put("load_average_1m_at_end", loadAverage()).put("note", NOTE);
      Path out = Path.of("bench", "results", "updates.json");
      Files.createDirectories(out.getParent());
      Files.writeString(out, result.encodePrettily() + "\n");
      System.out.println(result.encodePrettily());
      System.exit(0);
    }
  }

  /** The machine's 1-minute load average (the figures scale with the CPU left to this process). */
  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static boolean wanted(String only, String scenario) {
    return only.equals("all") || only.equals(scenario);
  }

  // ---------------------------------------------------------------- client side only

  private static JsonObject client(Vertx vertx, int updates) throws Exception {
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
            + " -> UpdateFeed -> EventHandler")
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

  static void reset() {
    COUNT.set(0);
    FILTERED.set(0);
    firstAt = 0;
    lastAt = 0;
  }

  static boolean waitCount(long n, long ms) throws InterruptedException {
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
}
