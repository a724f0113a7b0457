package dev.vertigram.localdc.impl;

import dev.vertigram.localdc.world.Channel;
import dev.vertigram.localdc.world.Mailbox;
import dev.vertigram.localdc.world.World;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Read receipts as Telegram sends them. messages.readHistory (private chat or basic group): updateReadHistoryInbox in
 * the reader's box (pts, pushed to the reader's other sessions) and updateReadHistoryOutbox in the box of each sender
 * whose messages became read (with the ids of their own copies). channels.readHistory: updateReadChannelInbox to the
 * reader's other sessions and updateReadChannelOutbox to the senders. Reading nothing new changes nothing.
 */
final class ReadMethods implements MethodRegistry.Area {

  @Override
  public void register(MethodRegistry registry) {
    registry.add("messages.readHistory", ReadMethods::readHistory)
        .add("channels.readHistory", ReadMethods::readChannelHistory);
  }

  private static Future<JsonObject> readHistory(RpcCall call) {
    long me = call.requireUser();
    World w = call.social().world();
    TlViews views = call.social().views();
    List<Social.Push> pushes = new ArrayList<>();
    JsonObject result = w.locked(() -> {
      InputPeers.Target peer = InputPeers.peer(w, me, call.query().getJsonObject("peer"));
      if (peer.kind() == World.Kind.CHANNEL) {
        throw new RpcErrorException(400, "PEER_ID_INVALID"); // channels.readHistory is the channel method
      }
      Mailbox box = w.user(me).mailbox();
      List<JsonObject> dialog = Messaging.history(box, peer, me);
      int top = dialog.isEmpty() ? 0 : dialog.get(0).getInteger("id");
      int maxId = call.query().getInteger("max_id", 0);
      int upTo = maxId <= 0 ? top : Math.min(maxId, top);
      int before = box.readInbox().getOrDefault(peer.key(), 0);
      if (upTo <= before) {
        return affected(box.pts(), 0);
      }
      box.readInbox().put(peer.key(), upTo);
      int unread = 0;
      Set<String> newlyRead = new HashSet<>();
      for (JsonObject m : dialog) {
        int id = m.getInteger("id");
        if (!m.getBoolean("out", false) && id > upTo) {
          unread++;
        } else if (!m.getBoolean("out", false) && id > before && m.containsKey(Messaging.ORIGIN)) {
          newlyRead.add(m.getString(Messaging.ORIGIN));
        }
      }
      JsonObject inbox = new JsonObject().put("_", "updateReadHistoryInbox").put("peer", MessageMethods.peerOf(peer))
          .put("max_id", upTo).put("still_unread_count", unread);
      int pts = box.addEvent(inbox, 1, call.now());
      pushes.add(new Social.Push(me, Social.updates(views, me, List.of(inbox), call.now(), 0)));
      // the dialog as the senders see it: with me, or the same basic group
      InputPeers.Target theirPeer = peer.kind() == World.Kind.USER ? new InputPeers.Target(World.Kind.USER, me) : peer;
      outboxes(w, me, theirPeer, newlyRead).forEach((sender, theirMax) -> {
        Mailbox theirs = w.user(sender).mailbox();
        if (theirs.readOutbox().getOrDefault(theirPeer.key(), 0) < theirMax) {
          theirs.readOutbox().put(theirPeer.key(), theirMax);
          JsonObject outbox = new JsonObject().put("_", "updateReadHistoryOutbox")
              .put("peer", MessageMethods.peerOf(theirPeer)).put("max_id", theirMax);
          theirs.addEvent(outbox, 1, call.now());
          pushes.add(new Social.Push(sender, Social.updates(views, sender, List.of(outbox), call.now(), 0)));
        }
      });
      return affected(pts, 1);
    });
    call.social().deliver(call, pushes);
    return Future.succeededFuture(result);
  }

  /**
   * For each sender of the messages {@code me} just read (by their {@link Messaging#ORIGIN}), the highest id of the
   * sender's own copy among them; {@code theirPeer} is the dialog in the senders' boxes.
   */
  private static Map<Long, Integer> outboxes(World w, long me, InputPeers.Target theirPeer, Set<String> origins) {
    Set<Long> senders = new HashSet<>();
    origins.forEach(o -> senders.add(Long.parseLong(o.substring(0, o.indexOf(':')))));
    Map<Long, Integer> out = new HashMap<>();
    for (long sender : senders) {
      if (sender == me || w.user(sender) == null) {
        continue;
      }
      for (JsonObject m : Messaging.history(w.user(sender).mailbox(), theirPeer, sender)) {
        if (m.getBoolean("out", false) && origins.contains(m.getString(Messaging.ORIGIN))) {
          out.put(sender, m.getInteger("id")); // newest first: the first match is the highest
          break;
        }
      }
    }
    return out;
  }

  private static JsonObject affected(int pts, int ptsCount) {
    return new JsonObject().put("_", "messages.affectedMessages").put("pts", pts).put("pts_count", ptsCount);
  }

  private static Future<JsonObject> readChannelHistory(RpcCall call) {
    long me = call.requireUser();
    World w = call.social().world();
    TlViews views = call.social().views();
    List<Social.Push> pushes = w.locked(() -> {
      Channel c = InputPeers.memberOf(w, me, InputPeers.inputChannel(w, me, call.query().getJsonObject("channel")));
      String key = World.peerKey(World.Kind.CHANNEL, c.id());
      int top = c.mailbox().messages().isEmpty() ? 0 : c.mailbox().messages().lastKey();
      int maxId = call.query().getInteger("max_id", 0);
      int upTo = maxId <= 0 ? top : Math.min(maxId, top);
      Mailbox mine = w.user(me).mailbox();
      int before = mine.readInbox().getOrDefault(key, 0);
      List<Social.Push> out = new ArrayList<>();
      if (upTo <= before) {
        return out;
      }
      mine.readInbox().put(key, upTo);
      // as Telegram: only incoming messages count, not the reader's own
      int unread = (int) c.mailbox().messages().tailMap(upTo, false).values().stream()
          .filter(m -> !Channels.authoredBy(c, m, me)).count();
      // the reader's other sessions learn it (the calling one is skipped by deliver)
      JsonObject inbox = new JsonObject().put("_", "updateReadChannelInbox").put("channel_id", c.id())
          .put("max_id", upTo).put("still_unread_count", unread).put("pts", c.mailbox().pts());
      out.add(new Social.Push(me, Social.updates(views, me, List.of(inbox), call.now(), 0)));
      Set<Long> senders = new HashSet<>();
      c.mailbox().messages().subMap(before, false, upTo, true).values().forEach(m -> {
        JsonObject from = m.getJsonObject("from_id");
        senders.add(from != null ? from.getLong("user_id", 0L) : c.creatorId()); // a broadcast post: its creator
      });
      for (long sender : senders) {
        Mailbox theirs = sender == me || !c.members().containsKey(sender) ? null : w.user(sender).mailbox();
        if (theirs != null && theirs.readOutbox().getOrDefault(key, 0) < upTo) {
          theirs.readOutbox().put(key, upTo);
          JsonObject outbox = new JsonObject().put("_", "updateReadChannelOutbox").put("channel_id", c.id())
              .put("max_id", upTo);
          out.add(new Social.Push(sender, Social.updates(views, sender, List.of(outbox), call.now(), 0)));
        }
      }
      return out;
    });
    call.social().deliver(call, pushes);
    return Future.succeededFuture(AccountMethods.bool(true));
  }
}
