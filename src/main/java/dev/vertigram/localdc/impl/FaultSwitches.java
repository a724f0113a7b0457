package dev.vertigram.localdc.impl;

import dev.vertigram.localdc.Faults;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The {@link Faults} of one Local DC: atomic counters that the DCs consume with the {@code take...} methods. */
public final class FaultSwitches implements Faults {

  /** An injected RPC error. */
  public record RpcFault(int code, String message) {
  }

  private record ArmedRpcFault(RpcFault fault, AtomicInteger times) {
  }

  private final AtomicInteger dropAfter = new AtomicInteger(-1);
  private final AtomicInteger badSalt = new AtomicInteger();
  private volatile int skewSeconds;
  private final Map<String, ArmedRpcFault> rpcErrors = new ConcurrentHashMap<>();
  private volatile int transportErrorCode;
  private final AtomicInteger transportError = new AtomicInteger();
  private final AtomicInteger corruptMsgKey = new AtomicInteger();
  private final AtomicInteger replay = new AtomicInteger();
  private final AtomicInteger wrongNonce = new AtomicInteger();
  private final AtomicInteger gaOutOfRange = new AtomicInteger();
  private final AtomicInteger oversized = new AtomicInteger();
  private final AtomicInteger dropUpdates = new AtomicInteger();
  private final AtomicInteger corruptFilePart = new AtomicInteger();

  @Override
  public Faults dropConnectionAfterMessages(int n) {
    dropAfter.set(n <= 0 ? -1 : n);
    return this;
  }

  @Override
  public Faults badServerSalt(int times) {
    badSalt.set(times);
    return this;
  }

  @Override
  public Faults clockSkewSeconds(int seconds) {
    skewSeconds = seconds;
    return this;
  }

  @Override
  public Faults rpcError(String method, int code, String message, int times) {
    rpcErrors.put(method, new ArmedRpcFault(new RpcFault(code, message), new AtomicInteger(times)));
    return this;
  }

  @Override
  public Faults transportError(int code, int times) {
    if (code >= 0) {
      throw new IllegalArgumentException("transport error codes are negative");
    }
    transportErrorCode = code;
    transportError.set(times);
    return this;
  }

  @Override
  public Faults corruptMsgKey(int times) {
    corruptMsgKey.set(times);
    return this;
  }

  @Override
  public Faults replayLastMessage(int times) {
    replay.set(times);
    return this;
  }

  @Override
  public Faults wrongNonce(int times) {
    wrongNonce.set(times);
    return this;
  }

  @Override
  public Faults gaOutOfRange(int times) {
    gaOutOfRange.set(times);
    return this;
  }

  @Override
  public Faults oversizedFrame(int times) {
    oversized.set(times);
    return this;
  }

  @Override
  public Faults dropUpdates(int times) {
    dropUpdates.set(times);
    return this;
  }

  @Override
  public Faults corruptFilePart(int times) {
    corruptFilePart.set(times);
    return this;
  }

  @Override
  public Faults clear() {
    dropAfter.set(-1);
    skewSeconds = 0;
    rpcErrors.clear();
    for (AtomicInteger a : new AtomicInteger[] {badSalt, transportError, corruptMsgKey, replay, wrongNonce,
        gaOutOfRange, oversized, dropUpdates, corruptFilePart}) {
      a.set(0);
    }
    return this;
  }

  @Override
  public Faults apply(JsonObject json) {
    if (json.containsKey("dropConnectionAfterMessages")) {
      dropConnectionAfterMessages(json.getInteger("dropConnectionAfterMessages"));
    }
    if (json.containsKey("clockSkewSeconds")) {
      clockSkewSeconds(json.getInteger("clockSkewSeconds"));
    }
    JsonArray errors = json.getJsonArray("rpcErrors", new JsonArray());
    for (int i = 0; i < errors.size(); i++) {
      JsonObject e = errors.getJsonObject(i);
      rpcError(e.getString("method"), e.getInteger("code"), e.getString("message"), e.getInteger("times", 1));
    }
    JsonObject te = json.getJsonObject("transportError");
    if (te != null) {
      transportError(te.getInteger("code"), te.getInteger("times", 1));
    }
    Map<String, AtomicInteger> counters = counters();
    counters.forEach((name, counter) -> {
      if (json.containsKey(name)) {
        counter.set(json.getInteger(name));
      }
    });
    return this;
  }

  @Override
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    if (dropAfter.get() > 0) {
      json.put("dropConnectionAfterMessages", dropAfter.get());
    }
    if (skewSeconds != 0) {
      json.put("clockSkewSeconds", skewSeconds);
    }
    JsonArray errors = new JsonArray();
    rpcErrors.forEach((method, armed) -> {
      if (armed.times().get() > 0) {
        errors.add(new JsonObject().put("method", method).put("code", armed.fault().code())
            .put("message", armed.fault().message()).put("times", armed.times().get()));
      }
    });
    if (!errors.isEmpty()) {
      json.put("rpcErrors", errors);
    }
    if (transportError.get() > 0) {
      json.put("transportError", new JsonObject().put("code", transportErrorCode).put("times", transportError.get()));
    }
    counters().forEach((name, counter) -> {
      if (counter.get() > 0) {
        json.put(name, counter.get());
      }
    });
    return json;
  }

  private Map<String, AtomicInteger> counters() {
    return Map.of("badServerSalt", badSalt, "corruptMsgKey", corruptMsgKey, "replayLastMessage", replay,
        "wrongNonce", wrongNonce, "gaOutOfRange", gaOutOfRange, "oversizedFrame", oversized,
        "dropUpdates", dropUpdates, "corruptFilePart", corruptFilePart);
  }

  /** Counts one received message; true when it is the one after which the connection must drop. */
  boolean takeDropAfterMessage() {
    int left = dropAfter.getAndUpdate(n -> n > 0 ? n - 1 : n);
    return left == 1;
  }

  boolean takeBadServerSalt() {
    return take(badSalt);
  }

  int clockSkewSecondsValue() {
    return skewSeconds;
  }

  /** The injected error for the next execution of {@code method}, or null. */
  RpcFault takeRpcError(String method) {
    ArmedRpcFault armed = rpcErrors.get(method);
    return armed != null && take(armed.times()) ? armed.fault() : null;
  }

  /** The transport error code to answer the next frame with, or 0. */
  int takeTransportError() {
    int code = transportErrorCode;
    return take(transportError) ? code : 0;
  }

  boolean takeCorruptMsgKey() {
    return take(corruptMsgKey);
  }

  boolean takeReplay() {
    return take(replay);
  }

  boolean takeWrongNonce() {
    return take(wrongNonce);
  }

  boolean takeGaOutOfRange() {
    return take(gaOutOfRange);
  }

  boolean takeOversizedFrame() {
    return take(oversized);
  }

  boolean takeDropUpdate() {
    return take(dropUpdates);
  }

  boolean takeCorruptFilePart() {
    return take(corruptFilePart);
  }

  private static boolean take(AtomicInteger counter) {
    return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }
}
