package dev.vertigram.localdc.impl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sessions of one DC by (auth_key_id, session_id), least recently used first; past {@value #MAX_SESSIONS} the
 * oldest is forgotten (the protocol lets a server forget sessions: the client then gets new_session_created).
 * Confined to the DC's event loop.
 */
final class SessionStore {

  static final int MAX_SESSIONS = 10_000;

  private record Id(long authKeyId, long sessionId) {
  }

  private final DcState dc;
  private final Map<Id, Session> sessions = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Id, Session> eldest) {
      return size() > MAX_SESSIONS;
    }
  };

  SessionStore(DcState dc) {
    this.dc = dc;
  }

  /** The session, created when new. */
  Session open(StoredKey key, long sessionId) {
    return sessions.computeIfAbsent(new Id(key.id(), sessionId), id -> new Session(dc, key, sessionId));
  }

  /** Forgets a session; false when there was none. */
  boolean remove(StoredKey key, long sessionId) {
    return sessions.remove(new Id(key.id(), sessionId)) != null;
  }

  /** Forgets every session of a key. */
  void removeAll(StoredKey key) {
    sessions.keySet().removeIf(id -> id.authKeyId() == key.id());
  }
}
