package dev.vertigram.updates.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scripted update sequences through {@link UpdateStateMachine}. */
class UpdateStateMachineTest {

  private Vertx vertx;
  private Context ctx;
  private ScriptedEnv env;
  private UpdateStateMachine machine;

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    ctx = vertx.getOrCreateContext();
    env = new ScriptedEnv();
  }

  @AfterEach
  void tearDown() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private <T> T on(Supplier<Future<T>> action) throws Exception {
    CompletableFuture<T> out = new CompletableFuture<>();
    ctx.runOnContext(v -> action.get().onComplete(ar -> {
      if (ar.succeeded()) {
        out.complete(ar.result());
      } else {
        out.completeExceptionally(ar.cause());
      }
    }));
    return out.get(5, TimeUnit.SECONDS);
  }

  private void feed(JsonObject... updates) throws Exception {
    on(() -> {
      for (JsonObject u : updates) {
        machine.handle(u);
      }
      return Future.succeededFuture();
    });
  }

  private void startWith(int pts, int seq) throws Exception {
    env.answer("updates.getState", state(pts, 0, seq));
    startMachine();
  }

  private void startMachine() throws Exception {
    on(() -> {
      machine = new UpdateStateMachine(vertx, env, env).timeouts(100, 60_000);
      return machine.start();
    });
  }

  static JsonObject state(int pts, int qts, int seq) {
    return new JsonObject().put("_", "updates.state").put("pts", pts).put("qts", qts).put("seq", seq)
        .put("date", 1000).put("unread_count", 0);
  }

  static JsonObject msg(int id) {
    return new JsonObject().put("_", "message").put("id", id).put("message", "m" + id)
        .put("peer_id", new JsonObject().put("_", "peerUser").put("user_id", 5L)).put("date", 1000);
  }

  static JsonObject newMsg(int id, int pts) {
    return new JsonObject().put("_", "updateNewMessage").put("message", msg(id)).put("pts", pts).put("pts_count", 1);
  }

  static JsonObject chanMsg(int id, int pts) {
    JsonObject m = msg(id).put("peer_id", new JsonObject().put("_", "peerChannel").put("channel_id", 42L));
    return new JsonObject().put("_", "updateNewChannelMessage").put("message", m).put("pts", pts).put("pts_count", 1);
  }

  static JsonObject container(int seq, JsonObject... updates) {
    return new JsonObject().put("_", "updates").put("updates", new JsonArray(List.of((Object[]) updates)))
        .put("users", new JsonArray()).put("chats", new JsonArray()).put("date", 1001).put("seq", seq);
  }

  static JsonObject difference(String type, JsonObject state, JsonObject... messages) {
    return new JsonObject().put("_", type).put("new_messages", new JsonArray(List.of((Object[]) messages)))
        .put("new_encrypted_messages", new JsonArray()).put("other_updates", new JsonArray())
        .put("chats", new JsonArray()).put("users", new JsonArray())
        .put(type.endsWith("Slice") ? "intermediate_state" : "state", state);
  }

  private List<Integer> ids() {
    return env.delivered.stream().filter(u -> u.containsKey("message"))
        .map(u -> u.getJsonObject("message").getInteger("id")).toList();
  }

  private int commonValue(String key) {
    try {
      return on(() -> Future.succeededFuture(machine.state())).getInteger(key);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void waitFor(Supplier<Boolean> cond) throws Exception {
    long end = System.currentTimeMillis() + 5000;
    while (!cond.get() && System.currentTimeMillis() < end) {
      Thread.sleep(10);
    }
    assertTrue(cond.get(), "condition not reached; delivered " + ids() + " calls " + env.calls);
  }

  @Test
  void firstStartOnlyGetsStateThenAppliesInOrderAndDropsDuplicates() throws Exception {
    startWith(10, 5);
    feed(newMsg(1, 11), newMsg(1, 11), newMsg(2, 12), newMsg(0, 10));
    assertEquals(List.of(1, 2), ids());
    assertEquals(1, env.calls.size());
    assertEquals(12, on(() -> Future.succeededFuture(machine.state())).getInteger("pts"));
  }

  @Test
  void heldBackUpdatesAreReleasedInOrderWithoutDifference() throws Exception {
    startWith(10, 5);
    feed(newMsg(3, 13), newMsg(2, 12));
    assertEquals(List.of(), ids());
    feed(newMsg(1, 11));
    assertEquals(List.of(1, 2, 3), ids());
    Thread.sleep(250);
    assertEquals(0, env.calls("updates.getDifference"));
  }

  @Test
  void gapIsRecoveredByDifferenceSlicesThenHeldUpdatesFollow() throws Exception {
    startWith(10, 5);
    env.answer("updates.getDifference", difference("updates.differenceSlice", state(12, 0, 5), msg(1), msg(2)));
    env.answer("updates.getDifference", difference("updates.difference", state(14, 0, 6), msg(3), msg(4)));
    feed(newMsg(5, 15), newMsg(6, 16));
    waitFor(() -> ids().size() == 6);
    assertEquals(List.of(1, 2, 3, 4, 5, 6), ids());
    assertEquals(2, env.calls("updates.getDifference"));
    assertEquals(12, env.calls.get(2).getInteger("pts"));
    feed(newMsg(4, 14), newMsg(6, 16));
    assertEquals(6, ids().size());
  }

  @Test
  void differenceTooLongRefetchesTheState() throws Exception {
    startWith(10, 5);
    env.answer("updates.getDifference", new JsonObject().put("_", "updates.differenceTooLong").put("pts", 500));
    env.answer("updates.getState", state(600, 0, 9));
    feed(new JsonObject().put("_", "updatesTooLong"));
    waitFor(() -> env.calls("updates.getState") == 2);
    waitFor(() -> commonValue("pts") == 600);
    feed(newMsg(1, 601));
    assertEquals(List.of(1), ids());
  }

  @Test
  void channelGapIsRecoveredUntilFinal() throws Exception {
    startWith(10, 5);
    feed(chanMsg(1, 100));
    env.answer("updates.getChannelDifference", new JsonObject().put("_", "updates.channelDifference")
        .put("final", false).put("pts", 101).put("new_messages", new JsonArray().add(msg(2)))
        .put("other_updates", new JsonArray()).put("chats", new JsonArray()).put("users", new JsonArray()));
    env.answer("updates.getChannelDifference", new JsonObject().put("_", "updates.channelDifference")
        .put("final", true).put("pts", 102).put("new_messages", new JsonArray().add(msg(3)))
        .put("other_updates", new JsonArray()).put("chats", new JsonArray()).put("users", new JsonArray()));
    feed(chanMsg(4, 103));
    waitFor(() -> ids().size() == 4);
    assertEquals(List.of(1, 2, 3, 4), ids());
    assertEquals(100, env.calls.get(1).getInteger("pts"));
    assertEquals(103, on(() -> Future.succeededFuture(machine.channelPts(42))));
    assertEquals(0, env.calls("updates.getDifference"));
  }

  @Test
  void channelTooLongResetsTheChannel() throws Exception {
    startWith(10, 5);
    feed(chanMsg(1, 100));
    env.answer("updates.getChannelDifference", new JsonObject().put("_", "updates.channelDifferenceTooLong")
        .put("final", true).put("dialog", new JsonObject().put("_", "dialog").put("pts", 900))
        .put("messages", new JsonArray().add(msg(9))).put("chats", new JsonArray()).put("users", new JsonArray()));
    feed(new JsonObject().put("_", "updateChannelTooLong").put("channel_id", 42L));
    waitFor(() -> ids().size() == 2);
    assertEquals(900, on(() -> Future.succeededFuture(machine.channelPts(42))));
    feed(chanMsg(10, 901));
    assertEquals(List.of(1, 9, 10), ids());
  }

  @Test
  void aFollowedChannelIsPolledByTheServersTimeoutUntilUnfollowed() throws Exception {
    startWith(10, 5);
    env.answer("channels.getFullChannel", new JsonObject().put("_", "messages.chatFull")
        .put("full_chat", new JsonObject().put("_", "channelFull").put("id", 42L).put("pts", 50))
        .put("chats", new JsonArray()).put("users", new JsonArray()));
    env.answer("updates.getChannelDifference", new JsonObject().put("_", "updates.channelDifferenceEmpty")
        .put("final", true).put("pts", 50).put("timeout", 1));
    env.answer("updates.getChannelDifference", new JsonObject().put("_", "updates.channelDifference")
        .put("final", true).put("pts", 51).put("timeout", 1).put("new_messages", new JsonArray().add(msg(7)))
        .put("other_updates", new JsonArray()).put("chats", new JsonArray()).put("users", new JsonArray()));
    on(() -> machine.follow(42));
    assertEquals(1, env.calls("updates.getChannelDifference"), "polled at once");
    waitFor(() -> ids().size() == 1); // the message whose push never came, found by the poll a second later
    on(() -> {
      machine.unfollow(42);
      return Future.succeededFuture();
    });
    assertEquals(List.of(7), ids());
    assertEquals(51, on(() -> Future.succeededFuture(machine.channelPts(42))));
    List<Integer> polledFrom = env.calls.stream().filter(c -> c.getString("_").equals("updates.getChannelDifference"))
        .map(c -> c.getInteger("pts")).toList();
    assertEquals(List.of(50, 50), polledFrom);
    Thread.sleep(1_300);
    assertEquals(2, env.calls("updates.getChannelDifference"), "no poll once unfollowed");
  }

  @Test
  void shortUpdatesAreExpanded() throws Exception {
    startWith(10, 5);
    feed(new JsonObject().put("_", "updateShortMessage").put("id", 1).put("user_id", 5L).put("message", "hi")
            .put("pts", 11).put("pts_count", 1).put("date", 1001),
        new JsonObject().put("_", "updateShortChatMessage").put("id", 2).put("from_id", 6L).put("chat_id", 9L)
            .put("message", "yo").put("pts", 12).put("pts_count", 1).put("date", 1002));
    JsonObject request = new JsonObject().put("_", "messages.sendMessage").put("message", "sent")
        .put("peer", new JsonObject().put("_", "inputPeerUser").put("user_id", 5L).put("access_hash", 1L));
    on(() -> {
      machine.handleResult(request, new JsonObject().put("_", "updateShortSentMessage").put("out", true)
          .put("id", 3).put("pts", 13).put("pts_count", 1).put("date", 1003));
      return Future.succeededFuture();
    });
    assertEquals(List.of(1, 2, 3), ids());
    JsonObject priv = env.delivered.get(0).getJsonObject("message");
    assertEquals("updateNewMessage", env.delivered.get(0).getString("_"));
    assertEquals(5L, priv.getJsonObject("from_id").getLong("user_id"));
    assertEquals("peerChat", env.delivered.get(1).getJsonObject("message").getJsonObject("peer_id").getString("_"));
    JsonObject sent = env.delivered.get(2).getJsonObject("message");
    assertEquals("sent", sent.getString("message"));
    assertEquals(777L, sent.getJsonObject("from_id").getLong("user_id"));
    assertTrue(sent.getBoolean("out"));
  }

  @Test
  void seqRulesApplyIgnoreAndRecover() throws Exception {
    startWith(10, 5);
    JsonObject status = new JsonObject().put("_", "updateUserStatus").put("user_id", 5L);
    feed(container(6, status, newMsg(1, 11)), container(6, status), container(0, status));
    assertEquals(3, env.delivered.size());
    env.answer("updates.getDifference", difference("updates.difference", state(11, 0, 8)));
    feed(container(8, status));
    waitFor(() -> env.calls("updates.getDifference") == 1);
    waitFor(() -> commonValue("seq") == 8);
    assertEquals(3, env.delivered.size());
    feed(container(9, status));
    assertEquals(4, env.delivered.size());
  }

  @Test
  void channelOnlyUpdatesWithSeqZeroPassAnOpenSeqGapAndLeaveSeqAlone() throws Exception {
    startWith(10, 5);
    JsonObject status = new JsonObject().put("_", "updateUserStatus").put("user_id", 5L);
    feed(container(7, status)); // seq 6 missing: held
    feed(container(0, chanMsg(1, 100)), container(0, chanMsg(2, 101)));
    assertEquals(List.of(1, 2), ids(), "channel updates (seq 0) go by their channel's pts alone");
    assertEquals(5, commonValue("seq"));
    feed(container(6, status));
    assertEquals(4, env.delivered.size());
    assertEquals(7, commonValue("seq"));
    assertEquals(0, env.calls("updates.getDifference"));
  }

  @Test
  void sessionResetFetchesTheDifference() throws Exception {
    startWith(10, 5);
    env.answer("updates.getDifference", difference("updates.difference", state(11, 0, 5), msg(1)));
    on(() -> {
      machine.onSessionReset();
      return Future.succeededFuture();
    });
    waitFor(() -> ids().size() == 1);
  }

  @Test
  void restartLosesNothingAndRepeatsNothing() throws Exception {
    startWith(10, 5);
    feed(newMsg(1, 11), newMsg(2, 12));
    on(() -> machine.stop());
    assertEquals(12, env.savedCommon.getInteger("pts"));
    List<Integer> before = ids();
    env.delivered.clear();
    env.answer("updates.getDifference", difference("updates.difference", state(13, 0, 5), msg(3)));
    startMachine();
    assertEquals(12, env.calls.get(env.calls.size() - 1).getInteger("pts"));
    feed(newMsg(2, 12), newMsg(4, 14));
    assertEquals(List.of(1, 2), before);
    assertEquals(List.of(3, 4), ids());
    assertEquals(1, env.calls("updates.getState"));
  }
}
