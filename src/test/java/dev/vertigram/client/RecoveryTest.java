package dev.vertigram.client;

import dev.vertigram.crypto.AuthKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.vertigram.client.LocalDcFixture.await;
import static dev.vertigram.client.LocalDcFixture.nearestDc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Recovery end to end: salts, clock skew, lost keys, PFS. */
class RecoveryTest {

  LocalDcFixture fx;
  AuthKeyStore keys;
  MtprotoClient client;

  @BeforeEach
  void start() {
    fx = LocalDcFixture.reset();
    keys = AuthKeyStore.inMemory();
  }

  @AfterEach
  void stop() {
    await(client.close());
  }

  private void connect(ClientOptions options) {
    client = MtprotoClient.create(fx.vertx, "recovery", options, keys);
    assertEquals("nearestDc", await(client.call(nearestDc())).getString("_"));
  }

  @Test
  void badServerSaltIsRecovered() {
    connect(fx.options());
    fx.dc.faults().badServerSalt(2);
    assertEquals("nearestDc", await(client.call(nearestDc())).getString("_"));
  }

  @Test
  void serverClockAheadIsFollowed() {
    LocalDcFixture own = LocalDcFixture.isolated();
    try {
      connect(own.options());
      own.dc.faults().clockSkewSeconds(600);
      assertEquals("nearestDc", await(client.call(nearestDc())).getString("_"));
      assertEquals("nearestDc", await(client.call(nearestDc())).getString("_"));
    } finally {
      await(client.close());
      own.closeIsolated();
    }
  }

  @Test
  void serverClockBehindIsFollowedFromTheHandshake() {
    // Set before the key exchange: a Local DC clock moved back mid-session leaves it with no valid salt (every
    // salt's valid_since is in its future), so it would answer bad_server_salt forever. The 17 path itself is
    // covered by SessionRecoveryTest.
    LocalDcFixture own = LocalDcFixture.isolated();
    try {
      own.dc.faults().clockSkewSeconds(-600);
      connect(own.options());
      assertEquals("nearestDc", await(client.call(nearestDc())).getString("_"));
    } finally {
      await(client.close());
      own.closeIsolated();
    }
  }

  @Test
  void unknownPermanentKeyIsRecreated() {
    connect(fx.options());
    AuthKey first = await(keys.permKey(1));
    fx.dc.faults().transportError(-404, 1);
    assertEquals("nearestDc", await(client.call(nearestDc())).getString("_"));
    assertNotEquals(first, await(keys.permKey(1)));
  }

  @Test
  void temporaryKeysAreRenewedBeforeTheyExpire() throws InterruptedException {
    connect(fx.options().pfs(true).tempKeyTtl(3)); // renewed 1 s before its 3 s are up
    Thread.sleep(2500);
    assertEquals("nearestDc", await(client.call(nearestDc())).getString("_"));
    assertEquals(2, fx.dc.stats().executions("auth.bindTempAuthKey"));
  }

  @Test
  void pfsBindsATemporaryKeyAndReplacesItOn404() {
    connect(fx.options().pfs(true).tempKeyTtl(3600));
    AuthKey perm = await(keys.permKey(1));
    assertEquals(1, fx.dc.stats().executions("auth.bindTempAuthKey"));
    fx.dc.faults().transportError(-404, 1);
    assertEquals("nearestDc", await(client.call(nearestDc())).getString("_"));
    assertEquals(2, fx.dc.stats().executions("auth.bindTempAuthKey"));
    assertEquals(perm, await(keys.permKey(1)), "the permanent key stays");
  }
}
