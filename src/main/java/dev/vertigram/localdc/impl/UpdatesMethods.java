package dev.vertigram.localdc.impl;

import dev.vertigram.localdc.world.Channel;
import dev.vertigram.localdc.world.Mailbox;
import dev.vertigram.localdc.world.PtsEvent;
import dev.vertigram.localdc.world.World;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * updates.getState, updates.getDifference (differenceEmpty; difference; differenceSlice past {@value #SLICE} updates;
 * differenceTooLong when the gap exceeds pts_total_limit or the kept log) and updates.getChannelDifference
 * (channelDifferenceEmpty / channelDifference / channelDifferenceTooLong when updates after the client's pts were
 * forgotten; limit capped at {@value #CHANNEL_LIMIT}).
 */
final class UpdatesMethods implements MethodRegistry.Area {

  static final int SLICE = 100;
  static final int CHANNEL_LIMIT = 100;

  @Override
  public void register(MethodRegistry registry) {
    registry.add("updates.getState", call -> {
      long me = call.requireUser();
      World w = call.social().world();
      return Future.succeededFuture(w.locked(() -> state(w.user(me).mailbox(), w.user(me).mailbox().pts(),
          call.now())));
    }).add("updates.getDifference", UpdatesMethods::difference)
        .add("updates.getChannelDifference", UpdatesMethods::channelDifference);
  }

  private static JsonObject state(Mailbox box, int pts, int now) {
    return new JsonObject().put("_", "updates.state").put("pts", pts).put("qts", box.qts()).put("date", now)
        .put("seq", box.seq()).put("unread_count", 0);
  }

  private static Future<JsonObject> difference(RpcCall call) {
    long me = call.requireUser();
    JsonObject q = call.query();
    int pts = q.getInteger("pts");
    int qts = q.getInteger("qts", 0);
    World w = call.social().world();
    return Future.succeededFuture(w.locked(() -> {
      Mailbox box = w.user(me).mailbox();
      if (pts >= box.pts() && qts >= box.qts()) {
        return new JsonObject().put("_", "updates.differenceEmpty").put("date", call.now()).put("seq", box.seq());
      }
      Integer total = q.getInteger("pts_total_limit");
      List<PtsEvent> events = box.eventsAfter(pts, SLICE);
      if (events == null || (total != null && box.pts() - pts > total)) {
        return new JsonObject().put("_", "updates.differenceTooLong").put("pts", box.pts());
      }
      JsonArray messages = new JsonArray();
      JsonArray others = new JsonArray();
      for (PtsEvent e : events) {
        if ("updateNewMessage".equals(e.update().getString("_"))) {
          messages.add(Media.refreshed(call.dc().core().files(), e.update().getJsonObject("message")));
        } else {
          others.add(e.update());
        }
      }
      List<JsonObject> qtsEvents = box.qtsEventsAfter(qts, SLICE);
      JsonArray encrypted = new JsonArray();
      qtsEvents.forEach(u -> encrypted.add(u.getJsonObject("message")));
      int reached = events.isEmpty() ? box.pts() : events.get(events.size() - 1).pts();
      int reachedQts = qtsEvents.isEmpty() ? box.qts() : qtsEvents.get(qtsEvents.size() - 1).getInteger("qts");
      boolean slice = reached < box.pts() || reachedQts < box.qts();
      JsonObject state = state(box, reached, call.now()).put("qts", reachedQts);
      JsonObject out = new JsonObject().put("_", slice ? "updates.differenceSlice" : "updates.difference")
          .put("new_messages", messages).put("new_encrypted_messages", encrypted).put("other_updates", others)
          .put(slice ? "intermediate_state" : "state", state);
      return new Social.Refs().add(messages).add(others).into(call.social().views(), me, out);
    }));
  }

  private static Future<JsonObject> channelDifference(RpcCall call) {
    long me = call.requireUser();
    JsonObject q = call.query();
    int limit = q.getInteger("limit", CHANNEL_LIMIT);
    if (limit <= 0) {
      throw new RpcErrorException(400, "LIMIT_INVALID");
    }
    int pts = q.getInteger("pts");
    if (pts <= 0) {
      throw new RpcErrorException(400, "PERSISTENT_TIMESTAMP_EMPTY");
    }
    World w = call.social().world();
    return Future.succeededFuture(w.locked(() -> {
      Channel c = InputPeers.memberOf(w, me, InputPeers.inputChannel(w, me, q.getJsonObject("channel")));
      Mailbox box = c.mailbox();
      if (pts > box.pts()) {
        throw new RpcErrorException(400, "PERSISTENT_TIMESTAMP_INVALID");
      }
      if (pts == box.pts()) {
        return new JsonObject().put("_", "updates.channelDifferenceEmpty").put("final", true).put("pts", pts)
            .put("timeout", 1);
      }
      List<PtsEvent> events = box.eventsAfter(pts, Math.min(limit, CHANNEL_LIMIT));
      if (events == null) {
        return tooLong(call, me, c, Math.min(limit, CHANNEL_LIMIT));
      }
      JsonArray messages = new JsonArray();
      JsonArray others = new JsonArray();
      for (PtsEvent e : events) {
        if ("updateNewChannelMessage".equals(e.update().getString("_"))) {
          JsonObject m = Channels.seenBy(e.update().getJsonObject("message"), me);
          messages.add(Media.refreshed(call.dc().core().files(), m));
        } else {
          others.add(e.update());
        }
      }
      int reached = events.get(events.size() - 1).pts();
      JsonObject out = new JsonObject().put("_", "updates.channelDifference").put("pts", reached).put("timeout", 1)
          .put("new_messages", messages).put("other_updates", others);
      if (reached == box.pts()) {
        out.put("final", true);
      }
      return new Social.Refs().add(messages).add(others).into(call.social().views(), me, out);
    }));
  }

  /**
   * channelDifferenceTooLong (some updates after the client's pts were forgotten): the channel's dialog at the current
   * pts and its last {@code limit} messages; the client drops its cache of the channel and starts over from there.
   */
  private static JsonObject tooLong(RpcCall call, long me, Channel c, int limit) {
    Mailbox box = c.mailbox();
    JsonArray messages = new JsonArray();
    box.messages().descendingMap().values().stream().limit(limit).forEach(m ->
        messages.add(Media.refreshed(call.dc().core().files(), Channels.seenBy(m, me))));
    JsonObject dialog = MessageMethods.dialog(TlViews.peerChannel(c.id()),
        box.messages().isEmpty() ? 0 : box.messages().lastKey(), call.social().world().user(me).mailbox(),
        World.peerKey(World.Kind.CHANNEL, c.id())).put("pts", box.pts());
    JsonObject out = new JsonObject().put("_", "updates.channelDifferenceTooLong").put("final", true)
        .put("timeout", 1).put("dialog", dialog).put("messages", messages);
    Social.Refs refs = new Social.Refs().add(messages);
    refs.channels.add(c.id());
    return refs.into(call.social().views(), me, out);
  }
}
