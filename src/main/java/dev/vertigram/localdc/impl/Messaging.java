package dev.vertigram.localdc.impl;

import dev.vertigram.localdc.world.Chat;
import dev.vertigram.localdc.world.Mailbox;
import dev.vertigram.localdc.world.World;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * Stores new messages in every participant's box and shapes the updates as Telegram does. Private chats and basic
 * groups: each participant gets a copy with their own id and pts; the sending session gets updateShortSentMessage,
 * the sender's other sessions and the recipients updateShortMessage / updateShortChatMessage, except a recipient
 * meeting the sender for the first time, who gets {@code updates} (with the sender's user object). Call under the
 * world lock.
 */
final class Messaging {

  /** What a send produced: the answer for the calling session and the pushes for everyone else. */
  record Outcome(JsonObject result, List<Social.Push> pushes) {
  }

  private final World w;
  private final TlViews views;

  Messaging(TlViews views) {
    this.w = views.world();
    this.views = views;
  }

  /** A text message to a user or basic group. {@code fwd} is a messageFwdHeader or null. */
  Outcome send(long me, InputPeers.Target to, String text, JsonArray entities, Integer replyTo, long randomId,
      JsonObject fwd, int now) {
    Mailbox mine = w.user(me).mailbox();
    Integer dup = mine.byRandomId(randomId);
    if (dup != null && mine.messages().containsKey(dup)) {
      JsonObject m = mine.messages().get(dup);
      return new Outcome(shortSent(dup, mine.pts(), 0, m.getInteger("date"), entities), List.of());
    }
    List<Long> recipients = new ArrayList<>();
    JsonObject peerFor;
    if (to.kind() == World.Kind.USER) {
      recipients.add(to.id());
      peerFor = null;
    } else {
      Chat c = w.chat(to.id());
      recipients.addAll(c.members().keySet());
      peerFor = TlViews.peerChat(c.id());
    }
    recipients.remove(me);
    recipients.add(me); // the sender's copy last: recipients' pushes go first
    List<Social.Push> pushes = new ArrayList<>();
    JsonObject result = null;
    for (long owner : recipients) {
      Mailbox box = w.user(owner).mailbox();
      int id = box.nextMessageId();
      long other = to.kind() == World.Kind.USER ? (owner == me ? to.id() : me) : 0;
      JsonObject peer = peerFor != null ? peerFor : TlViews.peerUser(other);
      JsonObject m = new JsonObject().put("_", "message").put("id", id).put("from_id", TlViews.peerUser(me))
          .put("peer_id", peer).put("date", now).put("message", text);
      if (owner == me) {
        m.put("out", true);
        box.randomId(randomId, id);
      }
      if (entities != null && !entities.isEmpty()) {
        m.put("entities", entities.copy());
      }
      if (replyTo != null) {
        m.put("reply_to", new JsonObject().put("_", "messageReplyHeader").put("reply_to_msg_id", replyTo));
      }
      if (fwd != null) {
        m.put("fwd_from", fwd.copy());
      }
      box.messages().put(id, m);
      boolean firstMeeting = !w.knows(owner, me);
      if (owner != me) {
        w.meet(owner, me);
      }
      int pts = box.addEvent(new JsonObject().put("_", "updateNewMessage").put("message", m), 1, now);
      if (owner == me) {
        result = shortSent(id, pts, 1, now, entities);
      }
      pushes.add(new Social.Push(owner, firstMeeting || fwd != null
          ? Social.updates(views, owner, List.of(new JsonObject().put("_", "updateNewMessage").put("message", m)
          .put("pts", pts).put("pts_count", 1)), now, 0)
          : shortMessage(m, me, to, pts)));
    }
    return new Outcome(result, pushes);
  }

  private static JsonObject shortSent(int id, int pts, int ptsCount, int date, JsonArray entities) {
    JsonObject r = new JsonObject().put("_", "updateShortSentMessage").put("out", true).put("id", id).put("pts", pts)
        .put("pts_count", ptsCount).put("date", date);
    if (entities != null && !entities.isEmpty()) {
      r.put("entities", entities.copy());
    }
    return r;
  }

  /** updateShortMessage (private chat) or updateShortChatMessage (basic group) for a stored message. */
  private static JsonObject shortMessage(JsonObject m, long from, InputPeers.Target to, int pts) {
    JsonObject s = new JsonObject().put("id", m.getInteger("id")).put("message", m.getString("message"))
        .put("pts", pts).put("pts_count", 1).put("date", m.getInteger("date"));
    if (to.kind() == World.Kind.USER) {
      s.put("_", "updateShortMessage").put("user_id", m.getJsonObject("peer_id").getLong("user_id"));
    } else {
      s.put("_", "updateShortChatMessage").put("from_id", from).put("chat_id", to.id());
    }
    if (m.getBoolean("out", false)) {
      s.put("out", true);
    }
    for (String f : new String[] {"entities", "reply_to"}) {
      if (m.containsKey(f)) {
        s.put(f, m.getValue(f));
      }
    }
    return s;
  }

  /** The messages of a box exchanged with {@code peer} (by peer key), newest first. */
  static List<JsonObject> history(Mailbox box, InputPeers.Target peer, long me) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonObject m : box.messages().descendingMap().values()) {
      if (peer.kind() == World.Kind.CHANNEL || peerKey(m, me).equals(peer.key())) {
        out.add(m);
      }
    }
    return out;
  }

  /** The peer key of the dialog a box message belongs to, for the box owner {@code me}. */
  static String peerKey(JsonObject m, long me) {
    JsonObject p = m.getJsonObject("peer_id");
    return switch (p.getString("_")) {
      case "peerChat" -> World.peerKey(World.Kind.CHAT, p.getLong("chat_id"));
      case "peerChannel" -> World.peerKey(World.Kind.CHANNEL, p.getLong("channel_id"));
      default -> World.peerKey(World.Kind.USER, p.getLong("user_id"));
    };
  }
}
