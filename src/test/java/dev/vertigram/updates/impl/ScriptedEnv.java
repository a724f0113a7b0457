package dev.vertigram.updates.impl;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link UpdatesEnv} answering calls from a script, recording calls and deliveries; plus an in-memory store. */
final class ScriptedEnv implements UpdatesEnv, StateStore {

  final Map<String, Deque<JsonObject>> answers = new ConcurrentHashMap<>();
  final List<JsonObject> calls = new CopyOnWriteArrayList<>();
  final List<JsonObject> delivered = new CopyOnWriteArrayList<>();
  JsonObject savedCommon;
  final Map<Long, Integer> savedChannels = new HashMap<>();

  ScriptedEnv answer(String method, JsonObject result) {
    answers.computeIfAbsent(method, k -> new ArrayDeque<>()).add(result);
    return this;
  }

  long calls(String method) {
    return calls.stream().filter(c -> c.getString("_").equals(method)).count();
  }

  @Override
  public Future<JsonObject> call(JsonObject method) {
    calls.add(method);
    Deque<JsonObject> q = answers.get(method.getString("_"));
    JsonObject a = q == null ? null : q.poll();
    return a == null ? Future.failedFuture("no scripted answer for " + method) : Future.succeededFuture(a);
  }

  @Override
  public Future<JsonObject> inputChannel(long channelId) {
    return Future.succeededFuture(new JsonObject().put("_", "inputChannel").put("channel_id", channelId)
        .put("access_hash", 1L));
  }

  @Override
  public long selfId() {
    return 777;
  }

  @Override
  public void deliver(JsonObject update) {
    delivered.add(update);
  }

  @Override
  public Future<JsonObject> loadCommon() {
    return Future.succeededFuture(savedCommon == null ? null : savedCommon.copy());
  }

  @Override
  public Future<Map<Long, Integer>> loadChannels() {
    return Future.succeededFuture(new HashMap<>(savedChannels));
  }

  @Override
  public Future<Void> saveCommon(JsonObject state) {
    savedCommon = state.copy();
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> saveChannel(long channelId, int pts) {
    savedChannels.put(channelId, pts);
    return Future.succeededFuture();
  }
}
