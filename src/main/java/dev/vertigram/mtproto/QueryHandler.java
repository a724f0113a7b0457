package dev.vertigram.mtproto;

import io.vertx.core.json.JsonObject;

/** Receives the outcome of a {@link Query}, on the session's thread. Exactly one method is called, once. */
public interface QueryHandler {

  /** The decoded result of the call. */
  void onResult(JsonObject result);

  /** The server answered with {@code rpc_error}. */
  void onRpcError(int code, String message);

  /** The query failed without an answer (session closed, undecodable result, protocol error). */
  void onFailure(Throwable cause);
}
