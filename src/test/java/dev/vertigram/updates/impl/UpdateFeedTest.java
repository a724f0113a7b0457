package dev.vertigram.updates.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.vertigram.testing.Futures;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link UpdateFeed}: order, shared instances, the subscriber's context, isolation from a failing subscriber. */
class UpdateFeedTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void tearDown() throws Exception {
    Futures.await(vertx.close());
  }

  private static void waitFor(java.util.function.BooleanSupplier cond) throws InterruptedException {
    long end = System.currentTimeMillis() + 5000;
    while (!cond.getAsBoolean() && System.currentTimeMillis() < end) {
      Thread.sleep(5);
    }
    org.junit.jupiter.api.Assertions.assertTrue(cond.getAsBoolean(), "not reached");
  }

  @Test
  void deliversTheSameInstancesInOrderOnEachSubscribersContext() throws Exception {
    UpdateFeed feed = new UpdateFeed();
    Context a = vertx.getOrCreateContext();
    Context b = vertx.getOrCreateContext();
    List<JsonObject> gotA = new CopyOnWriteArrayList<>();
    List<JsonObject> gotB = new CopyOnWriteArrayList<>();
    List<Boolean> onContext = new CopyOnWriteArrayList<>();
    feed.subscribe(a, u -> {
      onContext.add(Vertx.currentContext() == a);
      gotA.add(u);
    });
    UpdateFeed.Subscription sb = feed.subscribe(b, u -> {
      if (u.getInteger("n") == 3) {
        throw new IllegalStateException("a failing subscriber");
      }
      gotB.add(u);
    });
    List<JsonObject> sent = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      JsonObject u = new JsonObject().put("_", "updateNewMessage").put("n", i);
      sent.add(u);
      feed.deliver(u);
    }
    waitFor(() -> gotA.size() == 1000 && gotB.size() == 999);
    for (int i = 0; i < 1000; i++) {
      assertSame(sent.get(i), gotA.get(i));
    }
    assertEquals(List.of(true), onContext.stream().distinct().toList());
    assertEquals(4, gotB.get(3).getInteger("n"));
    sb.close();
    feed.deliver(new JsonObject().put("_", "updateUserStatus").put("n", -1));
    waitFor(() -> gotA.size() == 1001);
    assertEquals(999, gotB.size());
  }
}
