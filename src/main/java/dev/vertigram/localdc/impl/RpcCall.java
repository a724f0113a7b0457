package dev.vertigram.localdc.impl;

import io.vertx.core.json.JsonObject;

/**
 * One RPC being executed: the unwrapped call and where it came from.
 *
 * @param dc      the DC executing it
 * @param session the client session that sent it
 * @param msgId   the msg_id of the message that carried it
 * @param query   the call without its generic wrappers, as JSON
 */
record RpcCall(DcState dc, Session session, long msgId, JsonObject query) {

  /** The social world shared by all DCs. */
  Social social() {
    return dc.core().social();
  }

  /** The server time in seconds. */
  int now() {
    return (int) dc.clock().seconds();
  }

  /** The auth key the call came on. */
  StoredKey key() {
    return session.key();
  }

  /** The user logged in on that key (through its permanent key), or 401 AUTH_KEY_UNREGISTERED. */
  long requireUser() {
    long user = key().userId();
    if (user == 0 && key().revoked()) {
      throw new RpcErrorException(401, "SESSION_REVOKED");
    }
    if (user == 0) {
      throw new RpcErrorException(401, "AUTH_KEY_UNREGISTERED");
    }
    return user;
  }
}
