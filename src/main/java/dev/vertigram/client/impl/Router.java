package dev.vertigram.client.impl;

import dev.vertigram.client.AuthKeyStore;
import dev.vertigram.client.CallOptions;
import dev.vertigram.client.ClientOptions;
import dev.vertigram.client.ConnectionVerticle;
import dev.vertigram.client.RpcException;
import dev.vertigram.tl.GzipPacked;
import dev.vertigram.tl.TlWriter;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The RPC layer of a client: encodes calls, picks their DC and connection (home DC, explicit DC, media), and
 * handles what an RPC error asks for: FLOOD_WAIT under the limit is slept through, server errors are retried with
 * back-off, *_MIGRATE_X moves the call (PHONE/USER/NETWORK also move the home DC), and the authorization is
 * exported to other DCs once each. Media calls are spread over up to {@link ClientOptions#mediaConnectionsPerDc}
 * connections per DC (the least busy one; a new one is opened while all are busy), each on its own event loop, so
 * the crypto of large parts runs on several cores; they share the DC's permanent key and imported authorization.
 */
public final class Router {

  private static final Logger log = LoggerFactory.getLogger(Router.class);
  /** Outgoing calls smaller than this are never gzipped (Telethon's threshold; the docs say "no point" under 255 B). */
  static final int GZIP_MIN_SIZE = 512;
  static final int MAX_SERVER_RETRIES = 5;
  static final int MAX_MIGRATIONS = 5;

  final ClientCore core;
  private final Map<Integer, Future<ConnectionVerticle>> connections = new ConcurrentHashMap<>();
  private final Map<Integer, MediaPool> media = new ConcurrentHashMap<>();
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
      // media connections do not subscribe to updates: the main connection gets them once
      if (NOT_PACKED.contains(name)) {
        // file parts are written once, into a writer big enough for them (getMap: getValue would base64 the bytes)
        Object bytes = method.getMap().get("bytes");
        TlWriter out = new TlWriter(256 + (bytes instanceof Buffer b ? b.length() : 0));
        if (options.media()) {
          out.writeInt(core.invokeWithoutUpdates);
        }
        core.codec.encode(method, out);
        body = out.view();
      } else {
        body = GzipPacked.packIfSmaller(core.codec.encode(method), GZIP_MIN_SIZE);
        if (options.media()) {
          body = Buffer.buffer(body.length() + 4).appendIntLE(core.invokeWithoutUpdates).appendBuffer(body);
        }
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

  /** The main connection verticle of a DC, or its first media one; deployed on first use. */
  public Future<ConnectionVerticle> connection(int dcId, boolean media) {
    return media ? mediaPool(dcId).slot(0) : connections.computeIfAbsent(dcId, key -> deploy(dcId, false));
  }

  /** The media connections of a DC opened so far (deployed or deploying), in the order they were opened. */
  public List<Future<ConnectionVerticle>> mediaConnections(int dcId) {
    MediaPool pool = media.get(dcId);
    List<Future<ConnectionVerticle>> list = new ArrayList<>();
    if (pool != null) {
      for (int i = 0; i < pool.slots.length(); i++) {
        Future<ConnectionVerticle> f = pool.slots.get(i);
        if (f != null) {
          list.add(f);
        }
      }
    }
    return list;
  }

  /** Calls taken so far by each media connection of a DC that is up (diagnostics and tests). */
  public List<Long> mediaCalls(int dcId) {
    List<Long> calls = new ArrayList<>();
    mediaConnections(dcId).forEach(f -> {
      if (f.succeeded()) {
        calls.add(f.result().connection().callsTaken());
      }
    });
    return calls;
  }

  private Future<ConnectionVerticle> deploy(int dcId, boolean media) {
    ConnectionVerticle verticle = new ConnectionVerticle(ctx -> new Connection(ctx, core, dcId, media));
    return core.vertx.deployVerticle(verticle).map(id -> verticle);
  }

  private MediaPool mediaPool(int dcId) {
    return media.computeIfAbsent(dcId, dc -> new MediaPool(dc, core.options.mediaConnectionsPerDc()));
  }

  /**
   * The media connections of one DC, opened on demand, and the calls each one has running: a call goes to the least
   * busy open one, or to a new one while every open one is busy and the limit allows.
   */
  private final class MediaPool {
    final int dcId;
    final AtomicReferenceArray<Future<ConnectionVerticle>> slots;
    final AtomicInteger[] load;

    MediaPool(int dcId, int size) {
      this.dcId = dcId;
      this.slots = new AtomicReferenceArray<>(size);
      this.load = new AtomicInteger[size];
      for (int i = 0; i < size; i++) {
        load[i] = new AtomicInteger();
      }
    }

    Future<ConnectionVerticle> slot(int i) {
      Future<ConnectionVerticle> f = slots.get(i);
      if (f == null) {
        synchronized (this) {
          f = slots.get(i);
          if (f == null) {
            f = deploy(dcId, true);
            slots.set(i, f);
          }
        }
      }
      return f;
    }

    /** The slot for the next call: the least busy open one, or the first unopened one when all are busy. */
    synchronized int pick() {
      int best = -1;
      int bestLoad = Integer.MAX_VALUE;
      int firstFree = -1;
      for (int i = 0; i < load.length; i++) {
        Future<ConnectionVerticle> f = slots.get(i);
        if (f == null || f.failed()) {
          if (firstFree < 0) {
            firstFree = i;
          }
          continue;
        }
        int l = load[i].get();
        if (l < bestLoad) {
          best = i;
          bestLoad = l;
        }
      }
      if (firstFree >= 0 && (best < 0 || bestLoad > 0)) {
        Future<ConnectionVerticle> f = deploy(dcId, true);
        slots.set(firstFree, f);
        return firstFree;
      }
      return best;
    }
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
    media.values().forEach(pool -> {
      for (int i = 0; i < pool.slots.length(); i++) {
        Future<ConnectionVerticle> f = pool.slots.get(i);
        if (f != null) {
          undeployed.add(f.compose(v -> core.vertx.undeploy(v.deploymentID()).recover(e -> Future.succeededFuture())));
        }
      }
    });
    media.clear();
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
    Future<ConnectionVerticle> target;
    if (call.options.media()) {
      MediaPool pool = mediaPool(dc);
      int slot = pool.pick();
      call.load(pool.load[slot]);
      target = pool.slot(slot);
    } else {
      call.load(null);
      target = connection(dc, false);
    }
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
