package dev.vertigram.client;

import dev.vertigram.crypto.AuthKey;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.vertigram.client.LocalDcFixture.await;
import static dev.vertigram.client.LocalDcFixture.nearestDc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Media calls spread over several connections per DC, which share the DC's key and imported authorization. */
class MediaConnectionsTest {

  private static final CallOptions MEDIA = CallOptions.create().media(true);

  @Test
  void parallelMediaCallsSpreadOverSeveralConnectionsOnTheirOwnEventLoops() {
    LocalDcFixture fx = LocalDcFixture.reset();
    AuthKeyStore memory = AuthKeyStore.inMemory();
    AtomicInteger saved = new AtomicInteger();
    AuthKeyStore keys = new AuthKeyStore() {
      @Override
      public Future<AuthKey> permKey(int dcId) {
        return memory.permKey(dcId);
      }

      @Override
      public Future<Void> savePermKey(int dcId, AuthKey key) {
        saved.incrementAndGet();
        return memory.savePermKey(dcId, key);
      }

      @Override
      public Future<Void> removePermKey(int dcId) {
        return memory.removePermKey(dcId);
      }
    };
    MtprotoClient client = MtprotoClient.create(fx.vertx, "media", fx.options(), keys);
    try {
      await(burst(client, 16, MEDIA));
      List<Long> calls = client.mediaCalls(1);
      assertEquals(4, calls.size(), "the default limit of media connections: " + calls);
      assertEquals(16, calls.stream().mapToLong(Long::longValue).sum());
      calls.forEach(n -> assertTrue(n >= 1, "every connection took calls: " + calls));
      Set<Context> loops = new HashSet<>();
      client.router().mediaConnections(1).forEach(f -> loops.add(await(f).eventLoop()));
      loops.add(await(client.router().connection(1, false)).eventLoop());
      assertEquals(5, loops.size(), "one context per connection");
      assertEquals(16, fx.dc.stats().executions("help.getNearestDc"));
      // one permanent key for the DC, whatever the number of connections
      assertEquals(1, saved.get(), "one key created for the five connections to DC 1");
    } finally {
      await(client.close());
    }
  }

  @Test
  void oneMediaConnectionWhenConfiguredSoAndNoneOpenedForSequentialCalls() {
    LocalDcFixture fx = LocalDcFixture.reset();
    MtprotoClient one = MtprotoClient.create(fx.vertx, fx.options().mediaConnectionsPerDc(1));
    MtprotoClient sequential = MtprotoClient.create(fx.vertx, fx.options());
    try {
      await(burst(one, 8, MEDIA));
      assertEquals(List.of(8L), one.mediaCalls(1));
      for (int i = 0; i < 5; i++) {
        await(sequential.call(nearestDc(), MEDIA));
      }
      assertEquals(List.of(5L), sequential.mediaCalls(1), "an idle connection is reused before a new one opens");
    } finally {
      await(one.close());
      await(sequential.close());
    }
  }

  @Test
  void theAuthorizationIsImportedOncePerDcForAllItsMediaConnections() {
    LocalDcFixture fx = LocalDcFixture.reset();
    AuthKeyStore keys = AuthKeyStore.inMemory();
    MtprotoClient client = MtprotoClient.create(fx.vertx, "media-import", fx.options(), keys);
    try {
      await(client.call(nearestDc()));
      assertTrue(fx.dc.authorize(await(keys.permKey(1)).id(), 4242));
      await(burst(client, 12, CallOptions.create().media(true).dcId(2)));
      assertTrue(client.mediaCalls(2).size() > 1, "several media connections to DC 2: " + client.mediaCalls(2));
      assertEquals(1, fx.dc.stats().executions("auth.importAuthorization"));
      assertEquals(1, fx.dc.stats().executions("auth.exportAuthorization"));
    } finally {
      await(client.close());
    }
  }

  @Test
  void updatesPushedToMediaConnectionsAreNotHandedOut() throws Exception {
    LocalDcFixture fx = LocalDcFixture.reset();
    AuthKeyStore keys = AuthKeyStore.inMemory();
    MtprotoClient client = MtprotoClient.create(fx.vertx, "media-updates", fx.options(), keys);
    AtomicInteger updates = new AtomicInteger();
    client.updateHandler(u -> updates.incrementAndGet());
    try {
      await(client.call(nearestDc()));
      assertTrue(fx.dc.authorize(await(keys.permKey(1)).id(), 4343));
      await(burst(client, 8, MEDIA)); // media sessions of the logged-in key
      assertTrue(client.mediaCalls(1).size() > 1);
      // the server pushes the new message to the user's other sessions: here only media ones
      await(client.call(new JsonObject().put("_", "messages.sendMessage")
          .put("peer", new JsonObject().put("_", "inputPeerSelf")).put("message", "hi").put("random_id", 7L)));
      Thread.sleep(300);
      assertEquals(0, updates.get(), "nothing from the media connections");
    } finally {
      await(client.close());
    }
  }

  /** {@code n} calls started in one event-loop tick. */
  private static Future<?> burst(MtprotoClient client, int n, CallOptions options) {
    Promise<Void> all = Promise.promise();
    Vertx().runOnContext(v -> {
      List<Future<JsonObject>> calls = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        calls.add(client.call(nearestDc(), options));
      }
      Future.all(calls).<Void>mapEmpty().onComplete(all);
    });
    return all.future();
  }

  private static io.vertx.core.Vertx Vertx() {
    return LocalDcFixture.reset().vertx;
  }
}
