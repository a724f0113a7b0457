package dev.vertigram.ipc.impl;

import dev.vertigram.client.CallOptions;
import dev.vertigram.client.CancellationToken;
import dev.vertigram.client.RpcException;
import dev.vertigram.tl.TlCodec;
import dev.vertigram.tl.TlCombinator;
import dev.vertigram.tl.TlParam;
import dev.vertigram.tl.TlSchema;
import io.vertx.core.VertxException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.security.SecureRandom;
import java.util.concurrent.CancellationException;

/**
 * The frames of the IPC protocol, as JSON objects with a type {@code "t"}: {@code hello} (token, client id),
 * {@code call} (id, method, opts), {@code cancel} (id), {@code subscribe}; back: {@code result} (id, result),
 * {@code error} (id, kind rpc/cancelled/other, code, message, method) and {@code update} (update).
 */
public final class Wire {

  private static final TlSchema API = TlCodec.api().schema();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Wire() {
  }

  /**
   * The method with its {@code random_id} chosen now when it takes one (messages.sendMessage, sendMedia...) and none
   * is given: a replay after an owner restart then carries the same random_id, and Telegram does not send twice.
   */
  public static JsonObject pinRandomId(JsonObject method) {
    if (method.containsKey("random_id") || !(method.getValue("_") instanceof String name)) {
      return method;
    }
    TlCombinator m = API.method(name);
    if (m != null) {
      for (TlParam p : m.params()) {
        if (p.name().equals("random_id") && p.type().equals("long")) {
          return method.copy().put("random_id", RANDOM.nextLong());
        }
      }
    }
    return method;
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

  /**
   * Turns the byte fields of a result that went through JSON (base64 strings) back into {@link Buffer}s, as the
   * owner had them: every field of type bytes, int128, int256 or Vector&lt;bytes&gt; of every object whose {@code "_"}
   * names a constructor of the API schema, at any depth. Changes {@code value} in place and returns it.
   */
  public static JsonObject buffers(JsonObject value) {
    TlCombinator c = value.getValue("_") instanceof String name ? API.constructor(name) : null;
    if (c != null) {
      for (TlParam p : c.params()) {
        Object v = value.getValue(p.name());
        if (v instanceof String && isBytes(p.type())) {
          value.put(p.name(), value.getBuffer(p.name()));
        } else if (v instanceof JsonArray list && p.type().startsWith("Vector<") && isBytes(p.type().substring(7,
            p.type().length() - 1))) {
          for (int i = 0; i < list.size(); i++) {
            if (list.getValue(i) instanceof String) {
              list.set(i, list.getBuffer(i));
            }
          }
        }
      }
    }
    for (String key : value.fieldNames()) {
      buffersIn(value.getValue(key));
    }
    return value;
  }

  private static void buffersIn(Object v) {
    if (v instanceof JsonObject o) {
      buffers(o);
    } else if (v instanceof JsonArray list) {
      for (int i = 0; i < list.size(); i++) {
        buffersIn(list.getValue(i));
      }
    }
  }

  private static boolean isBytes(String type) {
    return type.equals("bytes") || type.equals("int128") || type.equals("int256");
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
