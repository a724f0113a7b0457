package dev.vertigram.localdc.impl;

import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The logins: which permanent keys (on any DC) are authorized for which user, with the hash account.getAuthorizations
 * shows, and the keys waiting for a 2FA password (signIn answered SESSION_PASSWORD_NEEDED). Thread-safe.
 */
final class Authorizations {

  /** The snapshot record type of a key awaiting auth.checkPassword. */
  static final String PENDING_RECORD = "pending_password";

  /** One authorized key. */
  record Login(StoredKey key, long hash, int dcId, int date) {
  }

  private final Map<Long, List<Login>> byUser = new ConcurrentHashMap<>();
  private final Map<StoredKey, Long> pendingPassword = new ConcurrentHashMap<>();

  /** Logs {@code userId} in on the key of {@code call}. */
  void login(RpcCall call, long userId) {
    StoredKey key = call.key().authKeyForUser();
    logout(key);
    key.userId(userId);
    pendingPassword.remove(key);
    byUser.computeIfAbsent(userId, u -> new ArrayList<>());
    synchronized (this) {
      byUser.get(userId).add(new Login(key, call.dc().random().nextLong(), call.dc().id(),
          (int) call.dc().clock().seconds()));
    }
  }

  /** Restores a login read from a snapshot. */
  synchronized void restore(long userId, Login login) {
    login.key().userId(userId);
    byUser.computeIfAbsent(userId, u -> new ArrayList<>()).add(login);
  }

  /** Every login by user (a copy, for snapshots). */
  synchronized Map<Long, List<Login>> all() {
    Map<Long, List<Login>> copy = new java.util.HashMap<>();
    byUser.forEach((user, logins) -> copy.put(user, new ArrayList<>(logins)));
    return copy;
  }

  /** Logs the key out (auth.logOut): its next calls get AUTH_KEY_UNREGISTERED. */
  synchronized void logout(StoredKey key) {
    long user = key.userId();
    if (user != 0) {
      byUser.getOrDefault(user, new ArrayList<>()).removeIf(l -> l.key() == key);
      key.userId(0);
    }
  }

  /** The user's logins. */
  synchronized List<Login> of(long userId) {
    return new ArrayList<>(byUser.getOrDefault(userId, List.of()));
  }

  /** Revokes one login: its key gets 401 SESSION_REVOKED from now on. False when no such login. */
  synchronized boolean revoke(long userId, long hash) {
    for (Login l : of(userId)) {
      if (l.hash() == hash) {
        byUser.get(userId).remove(l);
        l.key().revoke();
        return true;
      }
    }
    return false;
  }

  /** The key awaiting auth.checkPassword for that user. */
  void pendingPassword(StoredKey key, long userId) {
    pendingPassword.put(key.authKeyForUser(), userId);
  }

  /** The user a key awaits the password of, 0 when none. */
  long pendingPassword(StoredKey key) {
    return pendingPassword.getOrDefault(key.authKeyForUser(), 0L);
  }

  /** The snapshot records of the keys awaiting a password ({@value #PENDING_RECORD}). */
  List<JsonObject> pendingRecords() {
    List<JsonObject> out = new ArrayList<>();
    pendingPassword.forEach((key, user) -> out.add(new JsonObject().put("t", PENDING_RECORD).put("key_id", key.id())
        .put("user", user)));
    return out;
  }
}
