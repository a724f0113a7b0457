package dev.vertigram.localdc.impl;

import dev.vertigram.tl.TlCombinator;
import dev.vertigram.tl.TlParam;
import dev.vertigram.tl.TlSchema;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Executes RPC queries: strips the generic wrappers (invokeAfterMsg(s) first, which must be outermost, then
 * invokeWithLayer, initConnection, invokeWithoutUpdates and every other {@code query:!X} wrapper), waits for
 * invokeAfterMsg predecessors, applies the temp-key restrictions and the injected RPC errors, calls the method's
 * handler and queues the rpc_result. Unimplemented methods are answered with
 * {@code 400 METHOD_NOT_IMPLEMENTED_<NAME>} (the name upper-cased, dots as underscores). Shared by all DCs.
 */
final class RpcDispatcher {

  private static final Logger log = LoggerFactory.getLogger(RpcDispatcher.class);

  /** What an unbound temporary key may call (anything else: 401 AUTH_KEY_PERM_EMPTY). */
  private static final Set<String> UNBOUND_TEMP_KEY_METHODS = Set.of(
      "auth.bindTempAuthKey", "help.getConfig", "help.getNearestDc");
  /**
   * What a logged-in user may call on a DC other than the account's home DC (anything else: 303 USER_MIGRATE_X, as
   * Telegram answers a user key used away from home). The exceptions are what clients do on a borrowed DC: the whole
   * help.* and langpack.* areas (configuration, no account data), auth.* (exportAuthorization / importAuthorization /
   * bindTempAuthKey / logOut / resetAuthorizations, the login flow itself: PHONE_MIGRATE is its own rule), upload.*
   * (files live on every DC: FILE_MIGRATE is theirs) and messages.getDhConfig (DC-independent parameters).
   */
  static final Set<String> AWAY_FROM_HOME_PREFIXES = Set.of("help.", "langpack.", "auth.", "upload.");
  static final Set<String> AWAY_FROM_HOME_METHODS = Set.of("messages.getDhConfig");

  /** Generic wrapper method → name of its {@code !X} parameter. */
  private static final Map<String, String> WRAPPERS = wrappers(TlSchema.api());

  private final MethodRegistry methods;
  private final ResultEncoder encoder;
  private final FaultSwitches faults;
  private final Stats stats;
  private final UpdatePusher pusher;
  private final FloodLimiter flood;

  RpcDispatcher(MethodRegistry methods, ResultEncoder encoder, FaultSwitches faults, Stats stats,
      UpdatePusher pusher, FloodLimiter flood) {
    this.pusher = pusher;
    this.flood = flood;
    this.methods = methods;
    this.encoder = encoder;
    this.faults = faults;
    this.stats = stats;
  }

  private static Map<String, String> wrappers(TlSchema schema) {
    Map<String, String> out = new HashMap<>();
    for (TlCombinator m : schema.methods()) {
      for (TlParam p : m.params()) {
        if (p.type().startsWith("!")) {
          out.put(m.name(), p.name());
        }
      }
    }
    return out;
  }

  /** Runs the query carried by {@code in} (an accepted content-related message) and answers it in its session. */
  void dispatch(DcState dc, Session session, InMsg in, JsonObject query) {
    in.rpc = InMsg.Rpc.RUNNING;
    long[] after = null;
    JsonObject q = query;
    String name = q.getString("_");
    if ("invokeAfterMsg".equals(name)) {
      after = new long[] {q.getLong("msg_id")};
      q = q.getJsonObject("query");
    } else if ("invokeAfterMsgs".equals(name)) {
      JsonArray ids = q.getJsonArray("msg_ids");
      after = new long[ids.size()];
      for (int i = 0; i < after.length; i++) {
        after[i] = ids.getLong(i);
      }
      q = q.getJsonObject("query");
    }
    Unwrapped call;
    try {
      call = unwrap(q, session);
    } catch (RpcErrorException e) {
      finish(session, in, null, Future.failedFuture(e));
      return;
    }
    if (after == null) {
      execute(dc, session, in, call);
    } else {
      session.waiters().await(after).onComplete(ar -> {
        if (ar.succeeded()) {
          execute(dc, session, in, call);
        } else {
          finish(session, in, null, Future.failedFuture(ar.cause()));
        }
      });
    }
  }

  /** A call without its wrappers; {@code withoutUpdates} when one of them was invokeWithoutUpdates. */
  private record Unwrapped(JsonObject query, boolean withoutUpdates) {
  }

  /** Strips the wrappers; records invokeWithLayer's layer and initConnection's data on the session. */
  private Unwrapped unwrap(JsonObject q, Session session) {
    String name = q.getString("_");
    String param;
    int layer = 0;
    boolean withoutUpdates = false;
    while ((param = WRAPPERS.get(name)) != null) {
      withoutUpdates |= "invokeWithoutUpdates".equals(name);
      if (name.startsWith("invokeAfterMsg")) {
        throw new RpcErrorException(400, "INVOKE_AFTER_MSG_NOT_OUTERMOST");
      }
      if ("invokeWithLayer".equals(name)) {
        layer = q.getInteger("layer", 0);
        session.layer(layer);
      } else if ("initConnection".equals(name)) {
        JsonObject info = q.copy();
        info.remove("query");
        info.remove("_");
        session.clientInfo(info);
        stats.clientInit(info.copy().put("session_id", session.sessionId()).put("layer",
            layer != 0 ? layer : session.layer()));
      }
      q = q.getJsonObject(param);
      name = q.getString("_");
    }
    return new Unwrapped(q, withoutUpdates);
  }

  private void execute(DcState dc, Session session, InMsg in, Unwrapped unwrapped) {
    JsonObject call = unwrapped.query();
    String method = call.getString("_");
    if (session.key().unboundTemp() && !UNBOUND_TEMP_KEY_METHODS.contains(method)) {
      finish(session, in, null, Future.failedFuture(new RpcErrorException(401, "AUTH_KEY_PERM_EMPTY")));
      return;
    }
    stats.execution(method, call);
    long user = session.key().userId();
    // as Telegram: a call subscribes its session to the account's updates, except under invokeWithoutUpdates and
    // file queries (upload.*)
    if (user != 0 && !unwrapped.withoutUpdates() && !method.startsWith("upload.")) {
      pusher.register(user, session);
    }
    FaultSwitches.RpcFault fault = faults.takeRpcError(method);
    MethodHandler handler = methods.get(method);
    Future<JsonObject> result;
    if (fault != null) {
      result = Future.failedFuture(new RpcErrorException(fault.code(), fault.message()));
    } else if (handler == null) {
      result = Future.failedFuture(new RpcErrorException(400,
          "METHOD_NOT_IMPLEMENTED_" + method.toUpperCase(Locale.ROOT).replace('.', '_')));
    } else {
      try {
        checkKeyUse(session);
        checkHomeDc(dc, user, method);
        flood.check(method, user != 0 ? user : session.key().id(), dc.clock().millis());
        RpcCall rpc = new RpcCall(dc, session, in.msgId, call);
        result = handler.handle(rpc);
        result.onComplete(ar -> {
          if (ar.succeeded() && ar.result() != null) {
            try {
              dc.core().social().stampResult(rpc, ar.result(), r -> finish(session, in, method, Future.succeededFuture(r)));
            } catch (RuntimeException e) {
              finish(session, in, method, Future.failedFuture(e));
            }
          } else {
            session.takeReservedSeq(in.msgId);
            finish(session, in, method, ar);
          }
        });
        return;
      } catch (RuntimeException e) {
        session.takeReservedSeq(in.msgId);
        result = Future.failedFuture(e);
      }
    }
    result.onComplete(ar -> finish(session, in, method, ar));
  }

  /** 303 USER_MIGRATE_X when a logged-in user calls an account method away from the account's home DC X. */
  private static void checkHomeDc(DcState dc, long user, String method) {
    if (user == 0 || allowedAwayFromHome(method)) {
      return;
    }
    var world = dc.core().social().world();
    Integer home = world.locked(() -> {
      var u = world.user(user);
      return u == null ? null : u.homeDc();
    });
    if (home != null && home != dc.id()) {
      throw new RpcErrorException(303, "USER_MIGRATE_" + home);
    }
  }

  static boolean allowedAwayFromHome(String method) {
    if (AWAY_FROM_HOME_METHODS.contains(method)) {
      return true;
    }
    int dot = method.indexOf('.');
    return dot < 0 || AWAY_FROM_HOME_PREFIXES.contains(method.substring(0, dot + 1));
  }

  /** 406 AUTH_KEY_DUPLICATED when the key is also in use right now from another source address. */
  private static void checkKeyUse(Session session) {
    String host = session.remoteHost();
    if (host != null && session.key().inUseFromOtherHost(host)) {
      throw new RpcErrorException(406, "AUTH_KEY_DUPLICATED");
    }
  }

  /** Answers {@code in}; {@code method} names the executed method (null when it failed before execution). */
  private void finish(Session session, InMsg in, String method, AsyncResult<JsonObject> ar) {
    Buffer answer;
    if (ar.succeeded()) {
      try {
        answer = encoder.result(in.msgId, method, ar.result(), session.layer());
        in.rpc = InMsg.Rpc.DONE;
      } catch (RuntimeException e) {
        answer = errorAnswer(in.msgId, e);
        in.rpc = InMsg.Rpc.FAILED;
      }
    } else {
      answer = errorAnswer(in.msgId, ar.cause());
      in.rpc = InMsg.Rpc.FAILED;
    }
    session.answer(in, answer);
    session.waiters().rpcFinished();
  }

  private Buffer errorAnswer(long reqMsgId, Throwable cause) {
    if (cause instanceof RpcErrorException e) {
      return encoder.error(reqMsgId, e.code(), e.getMessage());
    }
    log.warn("a method failed unexpectedly", cause);
    return encoder.error(reqMsgId, 500, "INTERNAL_SERVER_ERROR");
  }
}
