package dev.vertigram.localdc.impl;

import dev.vertigram.localdc.world.Chat;
import dev.vertigram.localdc.world.Mailbox;
import dev.vertigram.localdc.world.World;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  /**
   * A field of the stored copies of one private or basic-group message naming it across boxes ({@code
   * "<sender id>:<random_id>"}); not a TL field, so the encoder leaves it out.
   */
  static final String ORIGIN = "$origin";

  private final World w;
  private final TlViews views;

  Messaging(TlViews views) {
    this.w = views.world();
    this.views = views;
  }

  /**
   * What a new message carries besides its ids: text, entities, media (MessageMedia), forward header and reply.
   * Null / empty fields are left out of the message. The JSON given is copied once here and then shared by every
   * stored copy of the message (stored messages never change, see {@link Mailbox}).
   */
  record Content(String text, JsonArray entities, JsonObject media, JsonObject fwd, Integer replyTo) {

    Content {
      entities = entities == null || entities.isEmpty() ? null : entities.copy();
      media = media == null ? null : media.copy();
      fwd = fwd == null ? null : fwd.copy();
    }

    /** Puts the content fields into a new {@code message}. */
    JsonObject fill(JsonObject m) {
      m.put("message", text);
      if (entities != null) {
        m.put("entities", entities);
      }
      if (media != null) {
        m.put("media", media);
      }
      if (fwd != null) {
        m.put("fwd_from", fwd);
      }
      if (replyTo != null) {
        m.put("reply_to", new JsonObject().put("_", "messageReplyHeader").put("reply_to_msg_id", replyTo));
      }
      return m;
    }

    /** Whether the short update forms (updateShortMessage / updateShortSentMessage) cannot carry it. */
    boolean needsFullUpdates() {
      return media != null || fwd != null;
    }
  }

  /** One message of a send: its content and the sender's random_id. */
  record Item(Content content, long randomId) {
  }

  /** One participant's stored copy of a new message and its pts. */
  private record Copy(long owner, JsonObject message, int pts, boolean firstMeeting) {

    /** What the message mentions (walked when needed: the short update forms need none of it). */
    Social.Refs refs() {
      return new Social.Refs().add(message);
    }
  }

  /** A new message to a user or basic group. */
  Outcome send(long me, InputPeers.Target to, Content content, long randomId, int now) {
    Mailbox mine = w.user(me).mailbox();
    JsonObject dup = sentBefore(mine, randomId);
    if (dup != null) {
      return new Outcome(sent(me, dup, randomId, mine.pts(), 0), List.of());
    }
    List<Social.Push> pushes = new ArrayList<>();
    JsonObject result = null;
    for (Copy c : store(me, to, content, randomId, now)) {
      if (c.owner() == me) {
        result = sent(me, c.message(), randomId, c.pts(), 1);
      }
      pushes.add(new Social.Push(c.owner(), c.firstMeeting() || content.needsFullUpdates()
          ? Social.updates(views, c.owner(), List.of(newMessage(c.message(), c.pts(), 1)), c.refs(), now, 0)
          : shortMessage(c.message(), me, to, c.pts())));
    }
    return new Outcome(result, pushes);
  }

  /**
   * Several messages to a user or basic group in one call (a forwarded selection), as Telegram sends them: the sender
   * gets one {@code updates} with updateMessageID and updateNewMessage for each, every participant one push with all
   * its new messages. A random_id sent before gives the message sent then (pts_count 0) and no push.
   */
  Outcome sendAll(long me, InputPeers.Target to, List<Item> items, int now) {
    Mailbox mine = w.user(me).mailbox();
    ViewerUpdates result = new ViewerUpdates();
    ViewerUpdates pushes = new ViewerUpdates();
    for (Item item : items) {
      JsonObject dup = sentBefore(mine, item.randomId());
      if (dup != null) {
        result.add(me, messageId(dup.getInteger("id"), item.randomId()), null)
            .add(me, newMessage(dup, mine.pts(), 0), new Social.Refs().add(dup));
        continue;
      }
      for (Copy c : store(me, to, item.content(), item.randomId(), now)) {
        Social.Refs refs = c.refs();
        if (c.owner() == me) {
          result.add(me, messageId(c.message().getInteger("id"), item.randomId()), null)
              .add(me, newMessage(c.message(), c.pts(), 1), refs);
        }
        pushes.add(c.owner(), newMessage(c.message(), c.pts(), 1), refs);
      }
    }
    return new Outcome(result.updates(views, me, now), pushes.pushes(views, now));
  }

  /** The message the owner of {@code mine} already sent with that random_id, or null. */
  private static JsonObject sentBefore(Mailbox mine, long randomId) {
    Integer id = mine.byRandomId(randomId);
    return id == null ? null : mine.messages().get(id);
  }

  /**
   * Stores a new message in every participant's box with its own id and pts, the sender's copy last (so recipients'
   * pushes go first).
   */
  private List<Copy> store(long me, InputPeers.Target to, Content content, long randomId, int now) {
    List<Long> owners = new ArrayList<>();
    JsonObject peerFor;
    if (to.kind() == World.Kind.USER) {
      owners.add(to.id());
      peerFor = null;
    } else {
      Chat c = w.chat(to.id());
      owners.addAll(c.members().keySet());
      peerFor = TlViews.peerChat(c.id());
    }
    owners.remove(me);
    owners.add(me);
    List<Copy> copies = new ArrayList<>(owners.size());
    for (long owner : owners) {
      Mailbox box = w.user(owner).mailbox();
      int id = box.nextMessageId();
      long other = to.kind() == World.Kind.USER ? (owner == me ? to.id() : me) : 0;
      JsonObject peer = peerFor != null ? peerFor : TlViews.peerUser(other);
      JsonObject m = content.fill(new JsonObject().put("_", "message").put("id", id)
          .put("from_id", TlViews.peerUser(me)).put("peer_id", peer).put("date", now).put(ORIGIN, me + ":" + randomId));
      if (owner == me) {
        m.put("out", true);
        box.randomId(randomId, id);
      }
      box.messages().put(id, m);
      boolean firstMeeting = !w.knows(owner, me);
      if (owner != me) {
        w.meet(owner, me);
      }
      int pts = box.addEvent(new JsonObject().put("_", "updateNewMessage").put("message", m), 1, now);
      copies.add(new Copy(owner, m, pts, firstMeeting));
    }
    return copies;
  }

  private static JsonObject newMessage(JsonObject m, int pts, int ptsCount) {
    return new JsonObject().put("_", "updateNewMessage").put("message", m).put("pts", pts).put("pts_count", ptsCount);
  }

  /** updateMessageID: the id a random_id got. */
  static JsonObject messageId(int id, long randomId) {
    return new JsonObject().put("_", "updateMessageID").put("id", id).put("random_id", randomId);
  }

  /** The sender's answer: updateShortSentMessage for plain text, else updates with updateMessageID. */
  private JsonObject sent(long me, JsonObject m, long randomId, int pts, int ptsCount) {
    if (m.containsKey("media") || m.containsKey("fwd_from")) {
      return Social.updates(views, me, List.of(messageId(m.getInteger("id"), randomId), newMessage(m, pts, ptsCount)),
          new Social.Refs().add(m), m.getInteger("date"), 0);
    }
    return shortSent(m.getInteger("id"), pts, ptsCount, m.getInteger("date"), m.getJsonArray("entities"));
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

  /** The other participants' copies of {@code m}, a message of {@code owner}'s box: by owner id. */
  Map<Long, JsonObject> copies(JsonObject m, long owner) {
    Map<Long, JsonObject> out = new LinkedHashMap<>();
    String origin = m.getString(ORIGIN);
    JsonObject peer = m.getJsonObject("peer_id");
    if (origin == null) {
      return out;
    }
    List<Long> others = "peerChat".equals(peer.getString("_")) && w.chat(peer.getLong("chat_id")) != null
        ? new ArrayList<>(w.chat(peer.getLong("chat_id")).members().keySet()) : List.of(peer.getLong("user_id"));
    for (long other : others) {
      if (other != owner && w.user(other) != null) {
        w.user(other).mailbox().messages().values().stream().filter(c -> origin.equals(c.getString(ORIGIN)))
            .findFirst().ifPresent(c -> out.put(other, c));
      }
    }
    return out;
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
