package dev.vertigram.client;

import dev.vertigram.client.impl.Router;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * The MTProto client: TL calls as JSON in, results as JSON out, over one connection per DC. Calls made in the same
 * event-loop tick leave in one container; flood waits, server errors and DC migrations are handled here.
 * <pre>
 * MtprotoClient client = MtprotoClient.create(vertx, "main", options, AuthKeyStore.inMemory());
 * client.call(new JsonObject().put("_", "help.getNearestDc")).onSuccess(dc -> ...);
 * </pre>
 * The same calls are served on the event bus at {@code vertigram.<session>.call}: the body is the TL method,
 * headers carry {@link CallOptions#fromHeaders the options}; the reply is the result, or a failure whose code and
 * message are the RPC error's (-1 and the exception message for other failures).
 */
public final class MtprotoClient {

  private final Router router;
  private final String session;
  private final MessageConsumer<Object> consumer;

  private MtprotoClient(Vertx vertx, String session, ClientOptions options, AuthKeyStore keys) {
    this.router = new Router(vertx, options, keys);
    this.session = session;
    this.consumer = vertx.eventBus().consumer(callAddress(), this::serve);
  }

  /** A client with its keys in memory, serving {@code vertigram.default.call}. */
  public static MtprotoClient create(Vertx vertx, ClientOptions options) {
    return create(vertx, "default", options, AuthKeyStore.inMemory());
  }

  /** A client for a named session, keeping its permanent keys in {@code keys}. */
  public static MtprotoClient create(Vertx vertx, String session, ClientOptions options, AuthKeyStore keys) {
    return new MtprotoClient(vertx, session, options, keys);
  }

  /** Calls a TL method (JSON with {@code "_"}) on the home DC. */
  public Future<JsonObject> call(JsonObject method) {
    return router.call(method, CallOptions.DEFAULT, false);
  }

  /** Calls a TL method with per-call options. */
  public Future<JsonObject> call(JsonObject method, CallOptions options) {
    return router.call(method, options, false);
  }

  /** The DC calls go to by default (it moves on PHONE/USER/NETWORK_MIGRATE). */
  public int homeDc() {
    return router.homeDc();
  }

  /** Receives every update (anything the server sends that is not an answer), on the connection's event loop. */
  public MtprotoClient updateHandler(Handler<JsonObject> handler) {
    router.updateHandler(handler);
    return this;
  }

  /** Told when updates may have been lost (new server session): the updates layer then runs getDifference. */
  public MtprotoClient gapHandler(Handler<String> handler) {
    router.gapHandler(handler);
    return this;
  }

  /** The event bus address serving calls. */
  public String callAddress() {
    return "vertigram." + session + ".call";
  }

  /** Stops serving, closes every connection and fails the calls still running. */
  public Future<Void> close() {
    return consumer.unregister().transform(v -> router.close());
  }

  /**
   * For each media connection to {@code dcId} that is up, how many calls it has taken (attempts included): shows how
   * file parts spread over the {@link ClientOptions#mediaConnectionsPerDc} connections.
   */
  public List<Long> mediaCalls(int dcId) {
    return router.mediaCalls(dcId);
  }

  /** The RPC layer (tests reach connections through it). */
  Router router() {
    return router;
  }

  private void serve(Message<Object> message) {
    CallOptions options;
    try {
      options = CallOptions.fromHeaders(message.headers());
    } catch (NumberFormatException e) {
      message.fail(400, "bad call option: " + e.getMessage());
      return;
    }
    if (!(message.body() instanceof JsonObject method)) {
      message.fail(400, "the body must be a TL method as a JsonObject");
      return;
    }
    call(method, options).onComplete(ar -> {
      if (ar.succeeded()) {
        message.reply(ar.result());
      } else if (ar.cause() instanceof RpcException e) {
        message.fail(e.code(), e.errorMessage());
      } else {
        message.fail(-1, String.valueOf(ar.cause().getMessage()));
      }
    });
  }
}
