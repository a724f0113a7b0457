package dev.vertigram.ipc;

import dev.vertigram.client.CallOptions;
import dev.vertigram.client.CancellationToken;
import dev.vertigram.client.RpcException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.vertigram.ipc.IpcFixture.await;
import static dev.vertigram.ipc.IpcFixture.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An owner and a forwarder in one JVM, against the Local DC: results, RPC errors, load, updates, restarts. */
class IpcForwardingTest {

  IpcFixture fx;
  IpcClient forwarder;

  void start(IpcOptions options) throws Exception {
    fx = new IpcFixture(options);
    forwarder = await(IpcClient.connect(IpcFixture.VERTX, fx.folder, options));
  }

  @AfterEach
  void stop() {
    await(forwarder.close());
    fx.close();
  }

  static JsonObject appConfig(int hash) {
    return new JsonObject().put("_", "help.getAppConfig").put("hash", hash);
  }

  @Test
  void answeredRequestIdsAreForgottenOnceAcknowledged() throws Exception {
    start(new IpcOptions());
    List<Future<JsonObject>> calls = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      calls.add(forwarder.call(new JsonObject().put("_", "help.getNearestDc")));
    }
    await(Future.all(calls));
    assertEquals(500, fx.dedupe.size());
    await(forwarder.call(new JsonObject().put("_", "help.getNearestDc"))); // its frame acknowledges the 500
    assertEquals(1, fx.dedupe.size());
  }

  @Test
  void resultsAndRpcErrorsAreForwarded() throws Exception {
    start(new IpcOptions());
    JsonObject nearest = await(forwarder.call(new JsonObject().put("_", "help.getNearestDc")));
    assertEquals("nearestDc", nearest.getString("_"));
    fx.dc.faults().rpcError("help.getNearestDc", 400, "INPUT_CONSTRUCTOR_INVALID_7", 1);
    RpcException e = assertInstanceOf(RpcException.class,
        failure(forwarder.call(new JsonObject().put("_", "help.getNearestDc"), CallOptions.create().dcId(1))));
    assertEquals(400, e.code());
    assertEquals("INPUT_CONSTRUCTOR_INVALID_7", e.errorMessage());
    assertEquals("help.getNearestDc", e.method());
    assertEquals(7, e.value());
  }

  @Test
  void bytesComeBackAsBuffers() throws Exception {
    start(new IpcOptions());
    JsonObject token = await(forwarder.call(new JsonObject().put("_", "auth.exportLoginToken").put("api_id", 1)
        .put("api_hash", "test").put("except_ids", new JsonArray())));
    assertEquals("auth.loginToken", token.getString("_"), token.encode());
    Buffer bytes = assertInstanceOf(Buffer.class, token.getMap().get("token")); // getValue would show base64
    assertTrue(bytes.length() > 0);
  }

  @Test
  void tcpFallbackForwardsToo() throws Exception {
    start(new IpcOptions().tcp(true));
    assertEquals(5, await(forwarder.call(appConfig(5))).getInteger("hash"));
  }

  @Test
  void fallsBackToTcpWhenTheDomainSocketCannotListen() throws Exception {
    start(new IpcOptions());
    // a socket path over the OS limit (about 107 bytes) cannot be bound
    Path deep = Files.createDirectories(fx.folder.resolve("d".repeat(120)));
    IpcServer tcp = await(IpcServer.start(IpcFixture.VERTX, deep, fx.client::call, new IpcOptions()));
    try {
      assertTrue(tcp.tcp());
      JsonObject endpoint = new JsonObject(Files.readString(deep.resolve("ipc.json")));
      assertEquals("127.0.0.1", endpoint.getString("host"), endpoint.encode());
      IpcClient viaTcp = await(IpcClient.connect(IpcFixture.VERTX, deep, new IpcOptions()));
      assertEquals(4, await(viaTcp.call(appConfig(4))).getInteger("hash"));
      await(viaTcp.close());
    } finally {
      await(tcp.close());
    }
  }

  @Test
  void tenThousandConcurrentCalls() throws Exception {
    start(new IpcOptions());
    JsonObject nearest = new JsonObject().put("_", "help.getNearestDc");
    await(forwarder.call(nearest));
    fx.dc.stats().reset();
    List<Future<JsonObject>> calls = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      calls.add(forwarder.call(nearest));
    }
    await(Future.all(calls));
    calls.forEach(c -> assertEquals("nearestDc", c.result().getString("_")));
    assertEquals(10_000, fx.dc.stats().executions("help.getNearestDc"));
  }

  @Test
  void ownerRestartedMidStreamCompletesEveryCallOnce() throws Exception {
    start(new IpcOptions());
    await(forwarder.call(appConfig(-1)));
    fx.dc.stats().reset();
    List<Future<JsonObject>> calls = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      calls.add(forwarder.call(appConfig(i)));
      if (i == 1000) {
        await(fx.server.close());
        fx.server = await(IpcServer.start(IpcFixture.VERTX, fx.folder, fx.client::call, new IpcOptions(), fx.dedupe));
      }
    }
    await(Future.all(calls));
    for (int i = 0; i < calls.size(); i++) {
      assertEquals(i, calls.get(i).result().getInteger("hash"));
    }
    assertEquals(3000, fx.dc.stats().executions("help.getAppConfig"));
  }

  @Test
  void updatesReachSubscribers() throws Exception {
    start(new IpcOptions());
    CompletableFuture<JsonObject> got = new CompletableFuture<>();
    forwarder.updateHandler(got::complete);
    await(forwarder.call(appConfig(1))); // the subscription is on the wire before this answer
    JsonObject update = new JsonObject().put("_", "updateLoginToken");
    fx.server.publishUpdate(update);
    assertEquals(update, got.get(10, TimeUnit.SECONDS));
  }

  @Test
  void cancellationIsForwarded() throws Exception {
    start(new IpcOptions());
    fx.dc.faults().rpcError("help.getAppConfig", 420, "FLOOD_WAIT_3", 1);
    CancellationToken token = CancellationToken.create();
    Future<JsonObject> call = forwarder.call(appConfig(9), CallOptions.create().cancellation(token));
    IpcFixture.VERTX.setTimer(300, t -> token.cancel());
    assertInstanceOf(CancellationException.class, failure(call));
  }
}
