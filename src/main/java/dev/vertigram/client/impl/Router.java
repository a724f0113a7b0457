package dev.vertigram.client.impl;

import dev.vertigram.client.AuthKeyStore;
import dev.vertigram.client.CallOptions;
import dev.vertigram.client.ClientOptions;
import dev.vertigram.client.ConnectionVerticle;
import dev.vertigram.client.RpcException;
import dev.vertigram.tl.GzipPacked;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RPC layer of a client: encodes calls, picks their DC and connection (home DC, explicit DC, media), and
 * handles what an RPC error asks for: FLOOD_WAIT under the limit is slept through, server errors are retried with
 * back-off, *_MIGRATE_X moves the call (PHONE/USER/NETWORK also move the home DC), and the authorization is
 * exported to other DCs once each.
 */
public final class Router {

  private static final Logger log = LoggerFactory.getLogger(Router.class);
  /** Outgoing calls smaller than this are never gzipped (Telethon's threshold; the docs say "no point" under 255 B). */
  static final int GZIP_MIN_SIZE = 512;
  static final int MAX_SERVER_RETRIES = 5;
  static final int MAX_MIGRATIONS = 5;

  final ClientCore core;
  private final Map<Integer, Future<ConnectionVerticle>> connections = new ConcurrentHashMap<>();
  private final Map<Integer, Future<Void>> imported = new ConcurrentHashMap<>();
  private volatile int homeDc;
  /** Whether the home DC's key is logged in: null unknown (export is tried), then learnt. */
  private volatile Boolean authorized;

  /** Methods carrying file bytes (mostly incompressible): never gzipped, deflating them costs more than it saves. */
  private static final Set<String> NOT_PACKED = Set.of("upload.saveFilePart", "upload.saveBigFilePart");

  public Router(Vertx vertx, ClientOptions options, AuthKeyStore store) {
    this.core = new ClientCore(vertx, options, store);
    this.homeDc = store.homeDc() != 0 ? store.homeDc() : options.homeDc();
  }

  /** Starts a call; the future completes on the caller's context when there is one. */
  public Future<JsonObject> call(JsonObject method, CallOptions options, boolean internal) {
    Context caller = Vertx.currentContext();
    Promise<JsonObject> promise = caller != null ? ((ContextInternal) caller).promise() : Promise.promise();
    String name = method.getString("_");
    String resultMethod;
    Buffer body;
    try {
      resultMethod = core.codec.resultMethod(method);
      body = core.codec.encode(method);
      if (!NOT_PACKED.contains(name)) {
        body = GzipPacked.packIfSmaller(body, GZIP_MIN_SIZE);
      }
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    if (options.cancellation() != null && options.cancellation().isCancelled()) {
      return Future.failedFuture(new CancellationException("call " + name + " cancelled"));
    }
    long timeout = options.timeoutMillis() >= 0 ? options.timeoutMillis() : core.options.callTimeout();
    return new RpcCall(this, name, resultMethod, body, options, promise, internal).start(timeout);
  }

  public int homeDc() {
    return homeDc;
  }

  public void updateHandler(Handler<JsonObject> handler) {
    core.updateHandler = handler;
  }

  public void gapHandler(Handler<String> handler) {
    core.gapHandler = handler;
  }

  /** The connection verticle of a DC, deployed on first use. */
  public Future<ConnectionVerticle> connection(int dcId, boolean media) {
    return connections.computeIfAbsent(media ? -dcId : dcId, key -> {
      ConnectionVerticle verticle = new ConnectionVerticle(ctx -> new Connection(ctx, core, dcId, media));
      return core.vertx.deployVerticle(verticle).map(id -> verticle);
    });
  }

  /**
   * Undeploys every connection. A connection deployed from another one's event loop (a migration) is that one's
   * child deployment and may already be gone with it.
   */
  public Future<Void> close() {
    List<Future<?>> undeployed = new ArrayList<>();
    connections.values().forEach(f -> undeployed.add(f.compose(v -> core.vertx.undeploy(v.deploymentID())
        .recover(e -> Future.succeededFuture()))));
    connections.clear();
    return Future.join(undeployed).mapEmpty();
  }

  void dispatch(RpcCall call) {
    int dc = call.dcId != 0 ? call.dcId : homeDc;
    if (call.internal || dc == homeDc || Boolean.FALSE.equals(authorized)) {
      submit(call, dc);
    } else {
      importAuthorization(dc).onComplete(v -> submit(call, dc));
    }
  }

  private void submit(RpcCall call, int dc) {
    if (call.finished()) {
      return;
    }
    Future<ConnectionVerticle> target = connection(dc, call.options.media());
    if (target.succeeded()) {
      submit(call, target.result().connection());
    } else {
      target.onComplete(ar -> {
        if (ar.succeeded()) {
          submit(call, ar.result().connection());
        } else {
          call.fail(ar.cause());
        }
      });
    }
  }

  private static void submit(RpcCall call, Connection connection) {
    call.connection = connection;
    connection.submit(call);
  }

  /** What an rpc_error asks for (on the call's connection context). */
  void onRpcError(RpcCall call, RpcException e) {
    int floodLimit = call.options.floodWaitLimit() >= 0 ? call.options.floodWaitLimit() : core.options.floodWaitLimit();
    if (e.code() == 420 && (e.name().equals("FLOOD_WAIT_X") || e.name().equals("FLOOD_PREMIUM_WAIT_X"))
        && e.value() >= 0 && e.value() <= floodLimit) {
      log.debug("{}: {}, retrying after the wait", call.name, e.errorMessage());
      call.retryAfter(e.value() * 1000);
    } else if (isServerError(e) && call.serverErrors < MAX_SERVER_RETRIES) {
      call.retryAfter(100L << call.serverErrors++);
    } else if (e.code() == 303 && e.name().endsWith("_MIGRATE_X") && e.value() > 0
        && call.migrations++ < MAX_MIGRATIONS) {
      migrate(call, e);
    } else {
      call.fail(e);
    }
  }

  void resultSeen(RpcCall call, JsonObject result) {
    if ("auth.authorization".equals(result.getString("_"))) {
      authorized = true;
    }
  }

  private void migrate(RpcCall call, RpcException e) {
    int dc = (int) e.value();
    String kind = e.name().substring(0, e.name().indexOf('_'));
    if (kind.equals("PHONE") || kind.equals("USER") || kind.equals("NETWORK")) {
      log.info("{}: home DC is now {}", e.errorMessage(), dc);
      homeDc = dc;
      core.store.saveHomeDc(dc);
      authorized = null;
      call.dcId = 0;
    } else {
      call.dcId = dc;
    }
    dispatch(call);
  }

  private static boolean isServerError(RpcException e) {
    return e.code() == 500 || e.code() == -500 || e.code() == -503 || e.errorMessage().equals("RPC_CALL_FAIL")
        || e.errorMessage().equals("RPC_MCGET_FAIL");
  }

  /**
   * Carries the authorization of the home DC to another DC (auth.exportAuthorization there,
   * auth.importAuthorization here), once per DC. When the home DC is not logged in, the call goes on as is.
   */
  private Future<Void> importAuthorization(int dc) {
    Future<Void> done = imported.get(dc);
    if (done != null) {
      return done;
    }
    Promise<Void> promise = Promise.promise();
    done = imported.putIfAbsent(dc, promise.future());
    if (done != null) {
      return done;
    }
    call(new JsonObject().put("_", "auth.exportAuthorization").put("dc_id", dc), CallOptions.create().dcId(homeDc),
        true)
        .compose(exported -> call(new JsonObject().put("_", "auth.importAuthorization")
            .put("id", exported.getLong("id")).put("bytes", exported.getBuffer("bytes")),
            CallOptions.create().dcId(dc), true))
        .onComplete(ar -> {
          if (ar.succeeded()) {
            authorized = true;
          } else {
            imported.remove(dc);
            if (ar.cause() instanceof RpcException r && r.code() == 401) {
              authorized = false;
            }
            log.debug("no authorization carried to DC {}: {}", dc, ar.cause().getMessage());
          }
          promise.complete();
        });
    return promise.future();
  }
}
