package dev.vertigram.client;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static dev.vertigram.client.LocalDcFixture.await;
import static dev.vertigram.client.LocalDcFixture.nearestDc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The write loop end to end: batching into containers, queue order, re-sends after a cut connection. */
class BatchingTest {

  LocalDcFixture fx;
  MtprotoClient client;

  @BeforeEach
  void start() {
    fx = LocalDcFixture.reset();
    client = MtprotoClient.create(fx.vertx, fx.options());
    await(client.call(nearestDc()));
    fx.dc.stats().reset();
  }

  @AfterEach
  void stop() {
    await(client.close());
  }

  @Test
  void tenThousandConcurrentCallsGoOutInFewContainers() {
    List<JsonObject> results = await(onEventLoop(() -> {
      List<Future<JsonObject>> calls = new ArrayList<>();
      for (int i = 0; i < 10_000; i++) {
        calls.add(client.call(nearestDc()));
      }
      return Future.all(calls).map(all -> all.<JsonObject>list());
    }));
    assertEquals(10_000, results.size());
    results.forEach(r -> assertEquals(1, r.getInteger("this_dc")));
    assertEquals(10_000, fx.dc.stats().executions("help.getNearestDc"));
    long containers = fx.dc.stats().containersReceived();
    assertTrue(containers <= 15, containers + " containers");
  }

  @Test
  void queueOrderIsKeptUnderConcurrency() {
    int n = 1000;
    await(onEventLoop(() -> {
      List<Future<JsonObject>> calls = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        calls.add(client.call(new JsonObject().put("_", "help.getAppConfig").put("hash", i),
            CallOptions.create().queueId(i % 2 == 0 ? "even" : "odd")));
        calls.add(client.call(nearestDc()));
      }
      return Future.all(calls);
    }));
    List<JsonObject> log = fx.dc.stats().executionLog("help.getAppConfig");
    assertEquals(n, log.size());
    int lastEven = -2;
    int lastOdd = -1;
    for (JsonObject call : log) {
      int hash = call.getInteger("hash");
      if (hash % 2 == 0) {
        assertEquals(lastEven + 2, hash, "queue 'even' out of order");
        lastEven = hash;
      } else {
        assertEquals(lastOdd + 2, hash, "queue 'odd' out of order");
        lastOdd = hash;
      }
    }
  }

  @Test
  void callsCutByADroppedConnectionCompleteExactlyOnce() {
    fx.dc.faults().dropConnectionAfterMessages(700);
    int n = 2000;
    List<JsonObject> results = await(onEventLoop(() -> {
      List<Future<JsonObject>> calls = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        calls.add(client.call(new JsonObject().put("_", "help.getAppConfig").put("hash", i)));
      }
      return Future.all(calls).map(all -> all.<JsonObject>list());
    }));
    for (int i = 0; i < n; i++) {
      assertEquals(i, results.get(i).getInteger("hash"));
    }
    assertEquals(n, fx.dc.stats().executions("help.getAppConfig"), "each call ran once on the server");
  }

  /** Runs the supplier on an event loop, so that all its calls are made in one tick. */
  private <T> Future<T> onEventLoop(Supplier<Future<T>> calls) {
    Promise<T> done = Promise.promise();
    fx.vertx.runOnContext(v -> calls.get().onComplete(done));
    return done.future();
  }
}
