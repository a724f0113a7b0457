package dev.vertigram.localdc;

import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * Counters of a running Local DC, shared by all its DCs and safe to read from any thread.
 *
 * <p>An execution is a distinct RPC that reached method dispatch after the generic wrappers
 * ({@code invokeWithLayer}, {@code initConnection}, {@code invokeAfterMsg(s)}, {@code invokeWithoutUpdates}, ...) were
 * removed; calls answered by an injected {@link Faults#rpcError} count, a message re-sent with a msg_id already
 * received does not (it is never executed twice), nor do calls refused before dispatch (MSG_WAIT_*, AUTH_KEY_PERM_EMPTY).
 */
public interface LocalDcStats {

  /** Encrypted msg_containers received. */
  long containersReceived();

  /** Encrypted messages received, counting each message inside a container and not the containers themselves. */
  long messagesReceived();

  /** How many times {@code method} (e.g. {@code "help.getNearestDc"}) was executed. */
  long executions(String method);

  /** The unwrapped calls of {@code method}, in execution order (the last 100,000 at most). */
  List<JsonObject> executionLog(String method);

  /**
   * What clients declared, one entry per initConnection received (the last 100,000 at most): its fields (api_id,
   * device_model, lang_code, ...) plus {@code session_id} and the {@code layer} of the enclosing invokeWithLayer (or
   * the session's earlier one; 0 when none was declared).
   */
  List<JsonObject> clientInits();

  /** Sets every counter to zero and clears the logs. */
  void reset();
}
