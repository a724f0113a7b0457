package dev.vertigram.localdc.impl;

import dev.vertigram.crypto.AuthKey;

/**
 * An auth key known to one DC, with what hangs on it: its salts, its expiry (temporary keys), its binding (a temporary
 * key bound to a permanent one) and its authorization (the user logged in on a permanent key).
 */
final class StoredKey {

  private final AuthKey key;
  private final boolean temp;
  private final long expiresAtMillis;
  private final ServerSalts salts;
  private volatile long userId;
  private volatile boolean revoked;
  private volatile StoredKey boundPerm;
  private volatile StoredKey boundTemp;
  /** Source address → sessions of this key attached to a connection from there (on the DC's event loop). */
  private final java.util.Map<String, Integer> hosts = new java.util.HashMap<>();

  StoredKey(AuthKey key, boolean temp, long expiresAtMillis, ServerSalts salts) {
    this.key = key;
    this.temp = temp;
    this.expiresAtMillis = expiresAtMillis;
    this.salts = salts;
  }

  AuthKey key() {
    return key;
  }

  long id() {
    return key.id();
  }

  boolean temp() {
    return temp;
  }

  /** Long.MAX_VALUE for permanent keys. */
  long expiresAtMillis() {
    return expiresAtMillis;
  }

  boolean expired(long nowMillis) {
    return nowMillis >= expiresAtMillis;
  }

  ServerSalts salts() {
    return salts;
  }

  /** The key whose authorization applies: the bound permanent key of a temporary key, else this key. */
  StoredKey authKeyForUser() {
    StoredKey perm = boundPerm;
    return perm != null ? perm : this;
  }

  /** The user logged in with this key (through its permanent key), 0 when none. */
  long userId() {
    return authKeyForUser().userId;
  }

  void userId(long userId) {
    StoredKey k = authKeyForUser();
    k.userId = userId;
    k.revoked = false;
  }

  /** Ends the authorization from elsewhere (account.resetAuthorization): calls then get 401 SESSION_REVOKED. */
  void revoke() {
    StoredKey k = authKeyForUser();
    k.userId = 0;
    k.revoked = true;
  }

  boolean revoked() {
    return authKeyForUser().revoked;
  }

  /** A temporary key not bound to a permanent key yet. */
  boolean unboundTemp() {
    return temp && boundPerm == null;
  }

  StoredKey boundPerm() {
    return boundPerm;
  }

  /**
   * Binds this temporary key to {@code perm}; the permanent key's previous temporary key loses its binding. Called on
   * the DC's event loop only (bindings never cross DCs).
   */
  void bindTo(StoredKey perm) {
    StoredKey previous = perm.boundTemp;
    if (previous != null && previous != this) {
      previous.boundPerm = null;
    }
    perm.boundTemp = this;
    boundPerm = perm;
  }

  /** A session of this key attached to a connection from {@code host} (null = detached: no-op). */
  void hostAttached(String host) {
    if (host != null) {
      hosts.merge(host, 1, Integer::sum);
    }
  }

  void hostDetached(String host) {
    if (host != null) {
      hosts.computeIfPresent(host, (h, n) -> n > 1 ? n - 1 : null);
    }
  }

  /** Whether a session of this key is attached right now to a connection from another address than {@code host}. */
  boolean inUseFromOtherHost(String host) {
    return hosts.keySet().stream().anyMatch(h -> !h.equals(host));
  }

  @Override
  public String toString() {
    return (temp ? "temp " : "perm ") + key;
  }
}
