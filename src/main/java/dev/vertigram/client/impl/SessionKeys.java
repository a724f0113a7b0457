package dev.vertigram.client.impl;

import dev.vertigram.crypto.AuthKey;
import dev.vertigram.mtproto.AuthKeyResult;
import dev.vertigram.mtproto.MessageIdClock;
import dev.vertigram.mtproto.MtSession;
import dev.vertigram.mtproto.MtprotoException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

import java.util.function.BooleanSupplier;

/**
 * The keys and the MTProto session of one connection: the DC's permanent key (from the store, or created over the
 * plain channel), with PFS a bound temporary key, and the {@link MtSession} over the key in use. A new key means a new
 * session; the calls still unanswered in the old one move to the new one. Confined to the connection's context.
 */
final class SessionKeys {

  final Connection connection;
  private final ClientCore core;
  private final MessageIdClock clock = new MessageIdClock();
  private final TempKeys tempKeys;
  private PlainExchange plain;
  AuthKey permKey;
  private long salt;
  private boolean clockSynced;
  /** The key the session runs on: the permanent key, or the temporary one with PFS. */
  private AuthKey sessionKey;
  private MtSession session;

  SessionKeys(Connection connection) {
    this.connection = connection;
    this.core = connection.core;
    this.tempKeys = new TempKeys(this);
    clock.offsetMillis(core.store.timeOffsetMillis()); // a first guess until the server's clock is seen
  }

  /** The session, or null before the first key. */
  MtSession session() {
    return session;
  }

  MessageIdClock clock() {
    return clock;
  }

  /**
   * Everything between a new TCP connection and the first call: keys (created when missing), session (attached) and,
   * with PFS, the binding. Fails when the exchange fails or {@code current} turns false meanwhile.
   */
  Future<MtSession> establish(PlainExchange plain, BooleanSupplier current) {
    this.plain = plain;
    return core.permKey(connection.dcId, () -> createKey(0).onSuccess(r -> {
      salt = r.serverSalt();
      syncClock(r);
    })).compose(perm -> {
      check(current);
      permKey = perm;
      return core.options.pfs() ? tempKeys.ensure() : Future.succeededFuture(perm);
    }).compose(key -> {
      check(current);
      if (!key.equals(sessionKey)) {
        replaceSession(key);
      }
      session.attach();
      return core.options.pfs() ? tempKeys.bind(session).map(session) : Future.succeededFuture(session);
    });
  }

  /** Whether an encrypted frame is under the key of the current session. */
  boolean accepts(Buffer frame) {
    return session != null && frame.length() >= 8 && frame.getLongLE(0) == sessionKey.id();
  }

  /** Whether a session key exists (a -404 then means the server forgot it). */
  boolean keyed() {
    return sessionKey != null;
  }

  /** The server does not know the key: a temporary one is dropped, a permanent one too (and removed from the store). */
  void keyUnknown() {
    if (core.options.pfs()) {
      tempKeys.drop();
    } else {
      core.dropPermKey(connection.dcId);
      permKey = null;
      sessionKey = null;
    }
  }

  /** Drops the temporary key so that the next connection creates and binds a new one. */
  void renewTempKey() {
    tempKeys.drop();
  }

  void scheduleRenewal(int generation) {
    tempKeys.scheduleRenewal(generation);
  }

  void cancelRenewal() {
    tempKeys.cancelRenewal();
  }

  void close(Throwable cause) {
    tempKeys.stop();
    if (session != null) {
      session.close(cause);
    }
  }

  Future<AuthKeyResult> createKey(int expiresIn) {
    return core.exchange.create(plain, core.protocolDcId(connection.dcId, connection.media), expiresIn);
  }

  void syncClock(AuthKeyResult result) {
    clock.syncSeconds(result.serverTimeSeconds());
    clockSynced = true;
    connection.onClockSynced(clock.offsetMillis());
  }

  /** The session's salts changed: kept when it runs on the permanent key (temporary keys are not stored). */
  void saltsChanged(Buffer saved) {
    if (sessionKey != null && sessionKey.equals(permKey)) {
      core.store.saveServerSalts(connection.dcId, saved);
    }
  }

  long serverSeconds() {
    return clock.serverSeconds();
  }

  private void replaceSession(AuthKey key) {
    MtSession old = session;
    sessionKey = key;
    boolean perm = key.equals(permKey);
    session = new MtSession(key, perm ? salt : tempKeys.salt(), clock, clockSynced, core.codec,
        new MtSession.Settings(core.options.pingInterval(), core.options.pingDisconnectDelay(), 1000,
            core.initPrefix), new ContextScheduler(connection.context), connection, core.random);
    Buffer saved = perm && salt == 0 ? core.store.serverSalts(connection.dcId) : null;
    if (saved != null) {
      session.restoreSalts(saved); // a stored key: start with the salt the server gave last time
    }
    if (old != null) {
      old.close(new SessionReplacedException());
    }
  }

  private static void check(BooleanSupplier current) {
    if (!current.getAsBoolean()) {
      throw new MtprotoException("superseded by a newer connection");
    }
  }
}
