package dev.vertigram.ipc.impl;

import dev.vertigram.client.CallOptions;
import dev.vertigram.client.CancellationToken;
import dev.vertigram.client.RpcException;
import io.vertx.core.VertxException;
import io.vertx.core.json.JsonObject;

import java.util.concurrent.CancellationException;

/**
 * The frames of the IPC protocol, as JSON objects with a type {@code "t"}: {@code hello} (token, client id),
 * {@code call} (id, method, opts), {@code cancel} (id), {@code subscribe}; back: {@code result} (id, result),
 * {@code error} (id, kind rpc/cancelled/other, code, message, method) and {@code update} (update).
 */
public final class Wire {

  private Wire() {
  }

  /** The call options as JSON: only the fields that are set; {@code cancellable} when a token is given. */
  public static JsonObject options(CallOptions o) {
    JsonObject json = new JsonObject();
    if (o.floodWaitLimit() >= 0) {
      json.put("floodWaitLimit", o.floodWaitLimit());
    }
    if (o.timeoutMillis() >= 0) {
      json.put("timeout", o.timeoutMillis());
    }
    if (o.queueId() != null) {
      json.put("queueId", o.queueId());
    }
    if (o.dcId() != 0) {
      json.put("dcId", o.dcId());
    }
    if (o.media()) {
      json.put("media", true);
    }
    if (o.cancellation() != null) {
      json.put("cancellable", true);
    }
    return json;
  }

  /** Reads {@link #options(CallOptions)}, with the owner's own cancellation token (null when not cancellable). */
  public static CallOptions options(JsonObject json, CancellationToken token) {
    if (json == null || json.isEmpty()) {
      return CallOptions.DEFAULT;
    }
    CallOptions o = CallOptions.create().floodWaitLimit(json.getInteger("floodWaitLimit", -1))
        .timeoutMillis(json.getLong("timeout", -1L)).queueId(json.getString("queueId"))
        .dcId(json.getInteger("dcId", 0)).media(json.getBoolean("media", false));
    return token == null ? o : o.cancellation(token);
  }

  /** The reply frame of a finished call. */
  public static JsonObject reply(long id, JsonObject result, Throwable failure) {
    JsonObject frame = new JsonObject().put("id", id);
    if (failure == null) {
      return frame.put("t", "result").put("result", result);
    }
    frame.put("t", "error").put("message", String.valueOf(failure.getMessage()));
    if (failure instanceof RpcException e) {
      return frame.put("kind", "rpc").put("code", e.code()).put("message", e.errorMessage()).put("method", e.method());
    }
    return frame.put("kind", failure instanceof CancellationException ? "cancelled" : "other");
  }

  /** The failure an error frame stands for: an RpcException with its code and message kept, when it was one. */
  public static Throwable failure(JsonObject frame) {
    String message = frame.getString("message");
    switch (String.valueOf(frame.getString("kind"))) {
      case "rpc":
        return new RpcException(frame.getInteger("code", -1), message, frame.getString("method"));
      case "cancelled":
        return new CancellationException(message);
      default:
        return new VertxException("owner: " + message, true);
    }
  }
}
