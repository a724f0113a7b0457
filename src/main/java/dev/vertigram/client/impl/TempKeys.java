package dev.vertigram.client.impl;

import dev.vertigram.crypto.AuthKey;
import dev.vertigram.mtproto.AuthKeyResult;
import dev.vertigram.mtproto.MtSession;
import dev.vertigram.mtproto.MtprotoException;
import dev.vertigram.mtproto.Query;
import dev.vertigram.mtproto.QueryHandler;
import dev.vertigram.mtproto.TempKeyBinding;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;

/**
 * PFS for one connection: the temporary key (created with the connection's key exchange, expires_in =
 * {@code tempKeyTtl}), its binding to the permanent key with auth.bindTempAuthKey, and its renewal before it
 * expires. The server keeps temporary keys in RAM only, so a -404 just drops the key.
 */
final class TempKeys {

  private final SessionKeys keys;
  private final Connection connection;
  private AuthKeyResult temp;
  private AuthKey bound;
  private long renewTimer = -1;

  TempKeys(SessionKeys keys) {
    this.keys = keys;
    this.connection = keys.connection;
  }

  /** The temporary key, created when missing or about to expire. */
  Future<AuthKey> ensure() {
    if (temp != null && temp.expiresAt() - keys.serverSeconds() > margin()) {
      return Future.succeededFuture(temp.key());
    }
    return keys.createKey(connection.core.options.tempKeyTtl()).map(result -> {
      temp = result;
      bound = null;
      keys.syncClock(result);
      return result.key();
    });
  }

  /** The first salt of the current temporary key. */
  long salt() {
    return temp != null ? temp.serverSalt() : 0;
  }

  /** Binds the temporary key over its session, unless already bound; initConnection follows every bind. */
  Future<Void> bind(MtSession session) {
    AuthKey key = temp.key();
    if (key.equals(bound)) {
      return Future.succeededFuture();
    }
    Promise<Void> done = Promise.promise();
    AuthKeyResult t = temp;
    ClientCore core = connection.core;
    session.send(Query.callWithOwnMsgId(msgId -> core.codec.encode(TempKeyBinding.bindCall(keys.permKey,
        t.key(), session.sessionId(), t.expiresAt(), msgId, core.random)), "auth.bindTempAuthKey",
        new QueryHandler() {
          @Override
          public void onResult(JsonObject result) {
            bound = key;
            session.requireInit();
            done.tryComplete();
          }

          @Override
          public void onRpcError(int code, String message) {
            drop();
            done.tryFail(new MtprotoException("auth.bindTempAuthKey failed: " + code + " " + message));
          }

          @Override
          public void onFailure(Throwable cause) {
            done.tryFail(cause);
          }
        }));
    return done.future();
  }

  /** Renews the key a margin before it expires, by reconnecting. */
  void scheduleRenewal(int generation) {
    cancelRenewal();
    if (temp == null) {
      return;
    }
    long inSeconds = Math.max(1, temp.expiresAt() - keys.serverSeconds() - margin());
    renewTimer = connection.core.vertx.setTimer(inSeconds * 1000, id -> connection.context.runOnContext(v -> {
      renewTimer = -1;
      connection.renewTempKey(generation);
    }));
  }

  void cancelRenewal() {
    if (renewTimer >= 0) {
      connection.core.vertx.cancelTimer(renewTimer);
      renewTimer = -1;
    }
  }

  /** Forgets the key (expired, or unknown to the server). */
  void drop() {
    temp = null;
    bound = null;
  }

  void stop() {
    cancelRenewal();
    drop();
  }

  /** Renew this long before expiry: a tenth of the lifetime, at least a minute unless the lifetime is shorter. */
  private long margin() {
    int ttl = connection.core.options.tempKeyTtl();
    return Math.min(Math.max(60, ttl / 10), ttl / 2);
  }
}
