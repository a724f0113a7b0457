package dev.vertigram.localdc.impl;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-initiated messages (updates) to the sessions of a user. A session is registered for its user when it executes
 * an RPC on an authorized key (what makes a session "online" for Telegram too); pushes run on the session's DC event
 * loop, as server messages (msg_id ≡ 3 mod 4, content-related, so they wait unacked and are re-sent after a reconnect).
 * A session whose key lost its user is dropped on the next push. Shared by all DCs, thread-safe.
 */
final class UpdatePusher {

  private final Map<Long, Set<Session>> sessions = new ConcurrentHashMap<>();

  /** Registers {@code session} as a receiver of {@code userId}'s updates. */
  void register(long userId, Session session) {
    sessions.computeIfAbsent(userId, u -> ConcurrentHashMap.newKeySet()).add(session);
  }

  /** Whether {@code userId} has a registered session other than {@code except}: else a push need not be encoded. */
  boolean hasReceivers(long userId, Session except) {
    Set<Session> set = sessions.get(userId);
    if (set == null) {
      return false;
    }
    for (Session s : set) {
      if (s != except) {
        return true;
      }
    }
    return false;
  }

  /** Pushes {@code body} to every attached session of {@code userId} except {@code except} (may be null). */
  void push(long userId, Session except, Buffer body) {
    Set<Session> set = sessions.get(userId);
    if (set == null) {
      return;
    }
    for (Session s : set) {
      if (s != except) {
        pushTo(s, body, userId, set);
      }
    }
  }

  /** Pushes {@code body} to one session, whatever its user (e.g. updateLoginToken before login). */
  void pushTo(Session session, Buffer body) {
    pushTo(session, body, 0, null);
  }

  private static void pushTo(Session s, Buffer body, long userId, Set<Session> registeredIn) {
    Context context = s.dc().context();
    if (context == null) {
      return;
    }
    context.runOnContext(v -> {
      if (registeredIn != null && s.key().userId() != userId) {
        registeredIn.remove(s);
      } else if (s.attached()) {
        s.send(body, 3, true);
      }
    });
  }
}
