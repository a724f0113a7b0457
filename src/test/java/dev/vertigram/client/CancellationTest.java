package dev.vertigram.client;

import dev.vertigram.mtproto.MtSession;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

import static dev.vertigram.client.LocalDcFixture.await;
import static dev.vertigram.client.LocalDcFixture.failure;
import static dev.vertigram.client.LocalDcFixture.nearestDc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Cancellation tokens and time limits, before and after the call leaves. */
class CancellationTest {

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
  void cancelledBeforeItIsSentTheCallNeverLeaves() {
    CancellationToken token = CancellationToken.create();
    Promise<JsonObject> outcome = Promise.promise();
    fx.vertx.runOnContext(v -> {
      client.call(nearestDc(), CallOptions.create().cancellation(token)).onComplete(outcome);
      token.cancel(); // same tick: the call has not reached the connection yet
    });
    assertInstanceOf(CancellationException.class, failure(outcome.future()));
    await(client.call(nearestDc()));
    assertEquals(1, fx.dc.stats().executions("help.getNearestDc"), "only the second call ran");
    // a token cancelled already refuses new calls at once
    assertInstanceOf(CancellationException.class,
        failure(client.call(nearestDc(), CallOptions.create().cancellation(token))));
  }

  @Test
  void cancelledAfterItIsSentTheServerGetsRpcDropAnswer() {
    try (LogCapture session = new LogCapture(MtSession.class)) {
      Context connection = await(client.router().connection(1, false)).eventLoop();
      CancellationToken token = CancellationToken.create();
      Promise<JsonObject> outcome = Promise.promise();
      connection.runOnContext(v -> {
        client.call(nearestDc(), CallOptions.create().cancellation(token)).onComplete(outcome);
        connection.runOnContext(x -> token.cancel()); // runs after the write loop flushed the call
      });
      assertInstanceOf(CancellationException.class, failure(outcome.future()));
      session.await("rpc_drop_answer for"); // the server answered it
      assertEquals(1, fx.dc.stats().executions("help.getNearestDc"), "the call had left");
    }
  }

  @Test
  void timeoutFailsTheCall() {
    fx.dc.faults().rpcError("help.getNearestDc", 420, "FLOOD_WAIT_5", 1);
    Future<JsonObject> call = client.call(nearestDc(), CallOptions.create().timeoutMillis(300));
    assertInstanceOf(TimeoutException.class, failure(call));
  }
}
