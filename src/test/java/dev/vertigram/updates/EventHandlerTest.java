package dev.vertigram.updates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vertigram.storage.StringMap;
import dev.vertigram.updates.impl.HandlerLink;
import dev.vertigram.updates.impl.UpdateFeed;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Dispatch, filters, errors, @Cron and @Persistent of {@link EventHandler}. */
class EventHandlerTest {

  static final List<String> LOG = new CopyOnWriteArrayList<>();
  static final AtomicInteger TICKS = new AtomicInteger();

  /** The handler under test. */
  public static class Bot extends EventHandler {
    @Persistent
    int counter;

    @Override
    protected void onAny(JsonObject u) {
      LOG.add("any");
    }

    void onUpdateNewMessage(JsonObject u) {
      counter++;
      LOG.add("new");
    }

    @Handler("incoming and command(start)")
    void start(JsonObject u) {
      LOG.add("start");
    }

    @Handler("text('boom')")
    void boom(JsonObject u) {
      throw new IllegalStateException("boom");
    }

    @Handler("outgoing or not private")
    void notIncomingPrivate(JsonObject u) {
      LOG.add("other");
    }

    @Handler("sender(@alice) and regex('^h(i|ello)')")
    void alice(JsonObject u) {
      LOG.add("alice");
    }

    @Cron(period = 0.05)
    void tick() {
      TICKS.incrementAndGet();
    }

    @Override
    protected List<Object> getReportPeers() {
      return List.of("@admin");
    }
  }

  private final Vertx vertx = Vertx.vertx();
  private final List<JsonObject> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Buffer> fields = new ConcurrentHashMap<>();
  private final UpdateFeed feed = new UpdateFeed();

  @AfterEach
  void tearDown() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private HandlerLink link() {
    StringMap map = new StringMap() {
      public Future<Buffer> get(String key) {
        return Future.succeededFuture(fields.get(key));
      }

      public Future<Void> put(String key, Buffer value) {
        fields.put(key, value);
        return Future.succeededFuture();
      }

      public Future<Void> remove(String key) {
        fields.remove(key);
        return Future.succeededFuture();
      }

      public Future<Void> forEach(BiConsumer<String, Buffer> consumer) {
        fields.forEach(consumer);
        return Future.succeededFuture();
      }
    };
    return new HandlerLink() {
      public Future<JsonObject> call(JsonObject method) {
        calls.add(method);
        return Future.succeededFuture(new JsonObject().put("_", "updates"));
      }

      public Future<Long> peerId(Object peer) {
        return Future.succeededFuture(5L);
      }

      public StringMap fields() {
        return map;
      }

      public UpdateFeed updates() {
        return feed;
      }

      public String selfUsername() {
        return "testbot";
      }
    };
  }

  static JsonObject message(String text, boolean out, String peerType, long from) {
    JsonObject peer = new JsonObject().put("_", peerType).put(peerType.equals("peerUser") ? "user_id" : "chat_id", 9L);
    return new JsonObject().put("_", "updateNewMessage").put("message", new JsonObject().put("_", "message")
        .put("id", 1).put("out", out).put("message", text).put("peer_id", peer)
        .put("from_id", new JsonObject().put("_", "peerUser").put("user_id", from)));
  }

  private String deploy(Bot bot) throws Exception {
    return vertx.deployVerticle(bot.bind("s1", link())).toCompletionStage().toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
  }

  private void publish(JsonObject u) {
    feed.deliver(u);
  }

  private static void waitFor(Supplier<Boolean> cond) throws Exception {
    long end = System.currentTimeMillis() + 5000;
    while (!cond.get() && System.currentTimeMillis() < end) {
      Thread.sleep(10);
    }
    assertTrue(cond.get(), "not reached; log " + LOG);
  }

  @Test
  void dispatchFiltersErrorsCronAndPersistence() throws Exception {
    LOG.clear();
    String id = deploy(new Bot());
    publish(message("/start@testbot", false, "peerUser", 3));
    publish(message("/start@otherbot", false, "peerUser", 3));
    publish(message("boom", false, "peerUser", 3));
    publish(message("hello", false, "peerChat", 5));
    publish(new JsonObject().put("_", "updateUserStatus"));
    publish(message("/start", false, "peerUser", 3));
    waitFor(() -> LOG.stream().filter("any"::equals).count() == 6);
    Map<String, Long> counts = LOG.stream().collect(Collectors.groupingBy(x -> x, Collectors.counting()));
    // "not private" also accepts updateUserStatus (not a private message); /start@otherbot is not our command
    assertEquals(Map.of("any", 6L, "new", 5L, "start", 2L, "other", 2L, "alice", 1L), counts);
    waitFor(() -> calls.size() == 1);
    assertEquals("@admin", calls.get(0).getString("peer"));
    assertTrue(calls.get(0).getString("message").contains("boom"));
    waitFor(() -> TICKS.get() >= 3);
    vertx.undeploy(id).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertEquals(5, new JsonObject(fields.get("Bot.counter")).getInteger("v"));
    Bot again = new Bot();
    deploy(again);
    assertEquals(5, again.counter);
  }
}
