package dev.vertigram.localdc.impl;

import dev.vertigram.localdc.world.Channel;
import dev.vertigram.localdc.world.Mailbox;
import dev.vertigram.localdc.world.World;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Messages in channels and supergroups: one copy in the channel's box, per-channel pts. The sender's session gets
 * {@code updates} with updateMessageID + updateNewChannelMessage; every other member session (the sender's included)
 * gets {@code updates} with updateNewChannelMessage and the sender as that member sees them ({@code min} when they
 * have not met). Call under the world lock.
 */
final class Channels {

  private final World w;
  private final TlViews views;

  Channels(TlViews views) {
    this.w = views.world();
    this.views = views;
  }

  /**
   * A channel message as {@code viewer} sees it (out when they sent it: a shallow copy, the values being shared as
   * stored messages never change).
   */
  static JsonObject seenBy(JsonObject m, long viewer) {
    JsonObject from = m.getJsonObject("from_id");
    JsonObject peer = m.getJsonObject("peer_id");
    if (peer != null && peer.containsKey("channel_id") && from != null
        && from.getLong("user_id", 0L) == viewer) {
      return new JsonObject(new LinkedHashMap<>(m.getMap())).put("out", true);
    }
    return m;
  }

  /** Whether {@code user} wrote {@code m} of channel {@code c} (a broadcast post, without from_id, is the creator's). */
  static boolean authoredBy(Channel c, JsonObject m, long user) {
    JsonObject from = m.getJsonObject("from_id");
    return from != null ? from.getLong("user_id", 0L) == user : c.creatorId() == user;
  }

  /**
   * Messages to a channel in one call (one for sendMessage, a forwarded selection for forwardMessages): the sender
   * gets one {@code updates} with updateMessageID and updateNewChannelMessage for each, every member one push with all
   * the new ones. A random_id sent before gives the message sent then (pts_count 0) and no push.
   */
  Messaging.Outcome send(long me, Channel c, List<Messaging.Item> items, int now) {
    InputPeers.memberOf(w, me, c);
    if (!c.megagroup() && c.creatorId() != me) {
      throw new RpcErrorException(403, "CHAT_WRITE_FORBIDDEN");
    }
    Mailbox box = c.mailbox();
    ViewerUpdates result = new ViewerUpdates();
    ViewerUpdates pushes = new ViewerUpdates();
    for (Messaging.Item item : items) {
      Integer dup = box.byRandomId(item.randomId());
      JsonObject m;
      int pts;
      if (dup != null) {
        m = box.messages().get(dup);
        pts = box.pts();
      } else {
        int id = box.nextMessageId();
        m = item.content().fill(new JsonObject().put("_", "message").put("id", id)
            .put("peer_id", TlViews.peerChannel(c.id())).put("date", now));
        if (c.megagroup()) {
          m.put("from_id", TlViews.peerUser(me));
        } else {
          m.put("post", true);
        }
        box.messages().put(id, m);
        box.randomId(item.randomId(), id);
        pts = box.addEvent(new JsonObject().put("_", "updateNewChannelMessage").put("message", m), 1, now);
      }
      Social.Refs refs = new Social.Refs().add(m);
      JsonObject own = seenBy(m, me);
      result.add(me, Messaging.messageId(m.getInteger("id"), item.randomId()), null)
          .add(me, newMessage(own, pts, dup != null ? 0 : 1), refs);
      if (dup == null) { // a new message is by me (or by the channel): the others see it as stored
        for (long member : c.members().keySet()) {
          pushes.add(member, newMessage(member == me ? own : m, pts, 1), refs);
        }
      }
    }
    return new Messaging.Outcome(result.updates(views, me, now), pushes.pushes(views, now));
  }

  /** updateNewChannelMessage of a message as its viewer sees it (see {@link #seenBy}). */
  private static JsonObject newMessage(JsonObject seen, int pts, int ptsCount) {
    return new JsonObject().put("_", "updateNewChannelMessage").put("message", seen).put("pts", pts)
        .put("pts_count", ptsCount);
  }

  /** Creates a channel or supergroup with its service message; the creator's {@code updates}. */
  JsonObject create(long me, String title, String about, boolean megagroup, int now) {
    Channel c = w.createChannel(title, about, megagroup, me, now);
    Mailbox box = c.mailbox();
    int id = box.nextMessageId();
    JsonObject m = new JsonObject().put("_", "messageService").put("id", id).put("out", true)
        .put("from_id", TlViews.peerUser(me)).put("peer_id", TlViews.peerChannel(c.id())).put("date", now)
        .put("action", new JsonObject().put("_", "messageActionChannelCreate").put("title", title));
    box.messages().put(id, m);
    int pts = box.addEvent(new JsonObject().put("_", "updateNewChannelMessage").put("message", m), 1, now);
    return Social.updates(views, me, List.of(new JsonObject().put("_", "updateChannel").put("channel_id", c.id()),
        newMessage(seenBy(m, me), pts, 1)), now, 0);
  }

  /** Adds members; each new member's sessions get updateChannel (an {@code updates}, given its seq on delivery). */
  List<Social.Push> join(Channel c, List<Long> users, long inviter, int now) {
    List<Social.Push> pushes = new ArrayList<>();
    for (long u : users) {
      if (c.members().putIfAbsent(u, new dev.vertigram.localdc.world.Chat.Member(u, inviter, now)) == null) {
        pushes.add(new Social.Push(u, Social.updates(views, u,
            List.of(new JsonObject().put("_", "updateChannel").put("channel_id", c.id())), now, 0)));
      }
    }
    return pushes;
  }
}
