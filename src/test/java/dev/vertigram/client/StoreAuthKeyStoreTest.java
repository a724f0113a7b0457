package dev.vertigram.client;

import dev.vertigram.crypto.AuthKey;
import dev.vertigram.storage.Db;
import dev.vertigram.storage.Store;
import dev.vertigram.storage.StoreOptions;
import dev.vertigram.storage.StoreTestSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static dev.vertigram.client.LocalDcFixture.await;
import static dev.vertigram.client.LocalDcFixture.nearestDc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Permanent keys, salts and the clock offset kept in a session's store (memory, Postgres, Redis: the real local
 * servers, a test fails when they are absent): a client restarted on the same store resumes on the same key,
 * without a key exchange, a bad_server_salt or a clock correction. The Local DC's clock runs 600 s ahead, so that a
 * forgotten offset would show as bad_msg_notification 16.
 */
class StoreAuthKeyStoreTest {

  private static final String BAD_MSGS = "dev.vertigram.mtproto.BadMsgHandler";

  @ParameterizedTest
  @EnumSource(StoreOptions.Type.class)
  void aRestartedClientResumesWithoutANewKeyExchange(StoreOptions.Type type, @TempDir Path dir) {
    LocalDcFixture own = LocalDcFixture.isolated();
    String run = StoreTestSupport.unique("authkeys");
    StoreOptions options = StoreTestSupport.options(type, dir, run);
    try {
      own.dc.faults().clockSkewSeconds(600);
      AuthKey first = runClient(own, options, null);
      Store store = await(Store.open(own.vertx, options));
      try {
        assertNotNull(await(store.stringMap(Db.AUTH_KEYS).get("dc1.salts")), "salts saved");
        assertNotNull(await(store.stringMap(Db.SESSION).get("timeOffsetMillis")), "clock offset saved");
      } finally {
        await(store.close());
      }
      try (LogCapture log = new LogCapture(BAD_MSGS)) {
        assertEquals(first, runClient(own, options, first), "the same key, no new exchange");
        assertFalse(log.contains("bad_msg_notification 48"), "the saved salt is used");
        assertFalse(log.contains("bad_msg_notification 16"), "the saved clock offset is used");
      }
    } finally {
      own.closeIsolated();
      StoreTestSupport.cleanUp(own.vertx, List.of(run));
    }
  }

  /** Opens the store, makes two calls with a client on it, closes both; returns the DC 1 key it ended with. */
  private static AuthKey runClient(LocalDcFixture fx, StoreOptions options, AuthKey expected) {
    Store store = await(Store.open(fx.vertx, options));
    try {
      StoreAuthKeyStore keys = await(StoreAuthKeyStore.open(store));
      assertEquals(expected, await(keys.permKey(1)));
      MtprotoClient client = MtprotoClient.create(fx.vertx, "stored", fx.options(), keys);
      try {
        assertEquals("nearestDc", await(client.call(nearestDc())).getString("_"));
        assertEquals("nearestDc", await(client.call(nearestDc())).getString("_"));
      } finally {
        await(client.close());
      }
      return await(keys.permKey(1));
    } finally {
      await(store.close());
    }
  }
}
