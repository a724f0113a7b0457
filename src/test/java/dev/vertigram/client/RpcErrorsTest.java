package dev.vertigram.client;

import dev.vertigram.crypto.AuthKey;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.vertigram.client.LocalDcFixture.await;
import static dev.vertigram.client.LocalDcFixture.failure;
import static dev.vertigram.client.LocalDcFixture.nearestDc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What RPC errors make the client do: flood waits, server-error retries, DC migrations, failures. */
class RpcErrorsTest {

  LocalDcFixture fx;
  AuthKeyStore keys;
  MtprotoClient client;

  @BeforeEach
  void start() {
    fx = LocalDcFixture.reset();
    keys = AuthKeyStore.inMemory();
    client = MtprotoClient.create(fx.vertx, "rpc", fx.options(), keys);
    await(client.call(nearestDc()));
    fx.dc.stats().reset();
  }

  @AfterEach
  void stop() {
    await(client.close());
  }

  @Test
  void shortFloodWaitIsSleptThroughAndRetried() {
    fx.dc.faults().rpcError("help.getNearestDc", 420, "FLOOD_WAIT_2", 1);
    long start = System.nanoTime();
    JsonObject result = await(client.call(nearestDc()));
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;
    assertEquals("nearestDc", result.getString("_"));
    assertTrue(elapsedMs >= 1900, "waited " + elapsedMs + " ms");
    assertEquals(2, fx.dc.stats().executions("help.getNearestDc"));
  }

  @Test
  void longFloodWaitFails() {
    fx.dc.faults().rpcError("help.getNearestDc", 420, "FLOOD_WAIT_60", 1);
    RpcException e = assertInstanceOf(RpcException.class, failure(client.call(nearestDc())));
    assertEquals(420, e.code());
    assertEquals("FLOOD_WAIT_X", e.name());
    assertEquals(60, e.value());
    assertEquals("help.getNearestDc", e.method());
    // the limit is per call too
    fx.dc.faults().rpcError("help.getNearestDc", 420, "FLOOD_WAIT_2", 1);
    RpcException capped = assertInstanceOf(RpcException.class,
        failure(client.call(nearestDc(), CallOptions.create().floodWaitLimit(1))));
    assertEquals(2, capped.value());
  }

  @Test
  void serverErrorsAreRetriedAFewTimes() {
    fx.dc.faults().rpcError("help.getNearestDc", 500, "RPC_CALL_FAIL", 2);
    assertEquals("nearestDc", await(client.call(nearestDc())).getString("_"));
    assertEquals(3, fx.dc.stats().executions("help.getNearestDc"));
    fx.dc.faults().rpcError("help.getNearestDc", 500, "RPC_CALL_FAIL", 10);
    RpcException e = assertInstanceOf(RpcException.class, failure(client.call(nearestDc())));
    assertEquals(500, e.code());
  }

  @Test
  void otherErrorsFailWithTheirCodeAndMessage() {
    fx.dc.faults().rpcError("help.getNearestDc", 400, "INPUT_CONSTRUCTOR_INVALID_7", 1);
    RpcException e = assertInstanceOf(RpcException.class, failure(client.call(nearestDc())));
    assertEquals(400, e.code());
    assertEquals("INPUT_CONSTRUCTOR_INVALID_7", e.errorMessage());
    assertEquals("INPUT_CONSTRUCTOR_INVALID_X", e.name());
    assertEquals(7, e.value());
  }

  @Test
  void phoneMigrateMovesTheHomeDc() {
    fx.dc.faults().rpcError("help.getNearestDc", 303, "PHONE_MIGRATE_2", 1);
    assertEquals(2, await(client.call(nearestDc())).getInteger("this_dc"));
    assertEquals(2, client.homeDc());
    assertEquals(2, await(client.call(nearestDc())).getInteger("this_dc"));
  }

  @Test
  void fileMigrateCarriesTheAuthorizationOnce() {
    AuthKey home = await(keys.permKey(1));
    assertTrue(fx.dc.authorize(home.id(), 4242));
    fx.dc.faults().rpcError("help.getNearestDc", 303, "FILE_MIGRATE_3", 1);
    assertEquals(3, await(client.call(nearestDc())).getInteger("this_dc"));
    assertEquals(1, client.homeDc());
    assertEquals(3, await(client.call(nearestDc(), CallOptions.create().dcId(3))).getInteger("this_dc"));
    assertEquals(1, fx.dc.stats().executions("auth.exportAuthorization"));
    assertEquals(1, fx.dc.stats().executions("auth.importAuthorization"));
  }

  @Test
  void eventBusCallsReplyWithResultsOrRpcErrors() {
    JsonObject result = await(fx.vertx.eventBus().<JsonObject>request(client.callAddress(), nearestDc())).body();
    assertEquals("nearestDc", result.getString("_"));
    fx.dc.faults().rpcError("help.getNearestDc", 400, "SOME_ARG_INVALID", 1);
    ReplyException e = assertInstanceOf(ReplyException.class,
        failure(fx.vertx.eventBus().request(client.callAddress(), nearestDc())));
    assertEquals(400, e.failureCode());
    assertEquals("SOME_ARG_INVALID", e.getMessage());
  }
}
