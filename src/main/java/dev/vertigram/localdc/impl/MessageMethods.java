package dev.vertigram.localdc.impl;

import dev.vertigram.localdc.world.Mailbox;
import dev.vertigram.localdc.world.World;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Messages in private chats and basic groups: messages.sendMessage and sendMedia (entities, reply_to, random_id
 * dedupe; media made by {@link Media}),
 * getHistory, getMessages, search (text, basic), deleteMessages, setTyping (readHistory is in {@link ReadMethods},
 * getDialogs in {@link Dialogs}).
 */
final class MessageMethods implements MethodRegistry.Area {

  /** message_length_max and caption_length_max of help.getConfig. */
  static final int MESSAGE_LENGTH_MAX = 4096;
  static final int CAPTION_LENGTH_MAX = 1024;
  static final int HISTORY_LIMIT_MAX = 100;

  @Override
  public void register(MethodRegistry registry) {
    registry.add("messages.sendMessage", MessageMethods::sendMessage)
        .add("messages.sendMedia", MessageMethods::sendMedia)
        .add("messages.getHistory", call -> history(call, null))
        .add("messages.search", call -> history(call, call.query().getString("q", "").toLowerCase(Locale.ROOT)))
        .add("messages.getMessages", MessageMethods::getMessages)
        .add("messages.deleteMessages", MessageMethods::deleteMessages)
        .add("messages.setTyping", MessageMethods::setTyping)
        .add("messages.getDialogs", Dialogs::get);
  }

  private static Future<JsonObject> sendMessage(RpcCall call) {
    JsonObject q = call.query();
    String text = q.getString("message", "");
    if (text.isBlank()) {
      throw new RpcErrorException(400, "MESSAGE_EMPTY");
    }
    return send(call, text, null);
  }

  private static Future<JsonObject> sendMedia(RpcCall call) {
    long me = call.requireUser();
    JsonObject input = call.query().getJsonObject("media");
    return send(call, call.query().getString("message", ""), () -> Media.create(call.dc(), me, input));
  }

  /**
   * messages.sendMessage / sendMedia: checks the text, random_id and peer, stores the message and pushes the
   * updates. {@code media} (null for text) makes the MessageMedia outside the world lock, unless the random_id
   * was already sent (then the first message is the answer): only then is the box looked at twice.
   */
  private static Future<JsonObject> send(RpcCall call, String text, Supplier<JsonObject> media) {
    long me = call.requireUser();
    JsonObject q = call.query();
    if (text.length() > (media == null ? MESSAGE_LENGTH_MAX : CAPTION_LENGTH_MAX)) {
      throw new RpcErrorException(400, media == null ? "MESSAGE_TOO_LONG" : "MEDIA_CAPTION_TOO_LONG");
    }
    long randomId = q.getLong("random_id", 0L);
    if (randomId == 0) {
      throw new RpcErrorException(400, "RANDOM_ID_EMPTY");
    }
    JsonObject reply = q.getJsonObject("reply_to");
    Integer replyTo = reply != null && "inputReplyToMessage".equals(reply.getString("_"))
        ? reply.getInteger("reply_to_msg_id") : null;
    Social social = call.social();
    World w = social.world();
    boolean dup = media != null && w.locked(() -> box(w, me, InputPeers.peer(w, me, q.getJsonObject("peer")))
        .byRandomId(randomId) != null);
    Messaging.Content content = new Messaging.Content(text, q.getJsonArray("entities"),
        media == null || dup ? null : media.get(), null, replyTo);
    Messaging.Outcome out = w.locked(() -> {
      InputPeers.Target to = InputPeers.peer(w, me, q.getJsonObject("peer"));
      if (to.kind() == World.Kind.CHANNEL) {
        return new Channels(social.views()).send(me, w.channel(to.id()),
            List.of(new Messaging.Item(content, randomId)), call.now());
      }
      return new Messaging(social.views()).send(me, to, content, randomId, call.now());
    });
    social.deliver(call, out.pushes());
    return Future.succeededFuture(out.result());
  }

  /** The limit of a list: LIMIT_INVALID when negative, 20 when 0, at most 100. */
  static int limit(JsonObject q) {
    int limit = q.getInteger("limit", HISTORY_LIMIT_MAX);
    if (limit < 0) {
      throw new RpcErrorException(400, "LIMIT_INVALID");
    }
    return Math.min(limit == 0 ? 20 : limit, HISTORY_LIMIT_MAX);
  }

  /** The box holding a dialog: the user's own, or the channel's. */
  static Mailbox box(World w, long me, InputPeers.Target peer) {
    return peer.kind() == World.Kind.CHANNEL ? InputPeers.memberOf(w, me, w.channel(peer.id())).mailbox()
        : w.user(me).mailbox();
  }

  private static Future<JsonObject> history(RpcCall call, String search) {
    long me = call.requireUser();
    JsonObject q = call.query();
    int limit = limit(q);
    World w = call.social().world();
    return Future.succeededFuture(w.locked(() -> {
      InputPeers.Target peer = InputPeers.peer(w, me, q.getJsonObject("peer"));
      int offsetId = q.getInteger("offset_id", 0);
      int maxId = q.getInteger("max_id", 0);
      int minId = q.getInteger("min_id", 0);
      List<JsonObject> all = new ArrayList<>();
      for (JsonObject m : Messaging.history(box(w, me, peer), peer, me)) {
        int id = m.getInteger("id");
        if ((offsetId == 0 || id < offsetId) && (maxId == 0 || id < maxId) && id > minId
            && (search == null || m.getString("message", "").toLowerCase(Locale.ROOT).contains(search))) {
          all.add(m);
        }
      }
      int from = Math.max(0, Math.min(all.size(), q.getInteger("add_offset", 0)));
      List<JsonObject> page = all.subList(from, Math.min(all.size(), from + limit));
      return messages(call, me, page, all.size(), peer);
    }));
  }

  /** messages.messages, messagesSlice (when more exist) or channelMessages, with the users and chats mentioned. */
  static JsonObject messages(RpcCall call, long me, List<JsonObject> page, int count, InputPeers.Target peer) {
    TlViews v = call.social().views();
    JsonArray list = new JsonArray();
    page.forEach(m -> list.add(Media.refreshed(call.dc().core().files(), Channels.seenBy(m, me))));
    JsonObject out = new JsonObject().put("messages", list).put("topics", new JsonArray());
    if (peer != null && peer.kind() == World.Kind.CHANNEL) {
      out.put("_", "messages.channelMessages").put("pts", v.world().channel(peer.id()).mailbox().pts())
          .put("count", count);
    } else if (count > page.size()) {
      out.put("_", "messages.messagesSlice").put("count", count);
    } else {
      out.put("_", "messages.messages");
    }
    return new Social.Refs().add(list).into(v, me, out);
  }

  private static Future<JsonObject> getMessages(RpcCall call) {
    long me = call.requireUser();
    World w = call.social().world();
    JsonArray ids = call.query().getJsonArray("id");
    return Future.succeededFuture(w.locked(() -> {
      List<JsonObject> found = new ArrayList<>();
      Mailbox box = w.user(me).mailbox();
      for (int i = 0; i < ids.size(); i++) {
        JsonObject in = ids.getJsonObject(i);
        JsonObject m = "inputMessageID".equals(in.getString("_")) ? box.messages().get(in.getInteger("id")) : null;
        found.add(m != null ? m : new JsonObject().put("_", "messageEmpty").put("id", in.getInteger("id", 0)));
      }
      return messages(call, me, found, found.size(), null);
    }));
  }

  static JsonObject peerOf(InputPeers.Target t) {
    return switch (t.kind()) {
      case USER -> TlViews.peerUser(t.id());
      case CHAT -> TlViews.peerChat(t.id());
      case CHANNEL -> TlViews.peerChannel(t.id());
    };
  }

  /** messages.deleteMessages; with revoke, the other participants' copies go too (updateDeleteMessages pushed). */
  private static Future<JsonObject> deleteMessages(RpcCall call) {
    long me = call.requireUser();
    World w = call.social().world();
    JsonArray ids = call.query().getJsonArray("id");
    boolean revoke = call.query().getBoolean("revoke", false);
    List<Social.Push> pushes = new ArrayList<>();
    JsonObject result = w.locked(() -> {
      Messaging messaging = new Messaging(call.social().views());
      Map<Long, JsonArray> deleted = new LinkedHashMap<>();
      for (Object id : ids) {
        JsonObject m = w.user(me).mailbox().messages().get(((Number) id).intValue());
        if (m != null) {
          deleted.computeIfAbsent(me, k -> new JsonArray()).add(id);
          if (revoke) {
            messaging.copies(m, me).forEach((owner, copy) ->
                deleted.computeIfAbsent(owner, k -> new JsonArray()).add(copy.getInteger("id")));
          }
        }
      }
      deleted.forEach((owner, list) -> {
        Mailbox box = w.user(owner).mailbox();
        list.forEach(id -> box.messages().remove(((Number) id).intValue()));
        JsonObject upd = new JsonObject().put("_", "updateDeleteMessages").put("messages", list);
        box.addEvent(upd, list.size(), call.now());
        // every owner's sessions, the deleter's other sessions too (deliver skips the calling one)
        pushes.add(new Social.Push(owner, Social.updates(call.social().views(), owner, List.of(upd), call.now(), 0)));
      });
      Mailbox mine = w.user(me).mailbox();
      int count = deleted.containsKey(me) ? deleted.get(me).size() : 0;
      return new JsonObject().put("_", "messages.affectedMessages").put("pts", mine.pts()).put("pts_count", count);
    });
    call.social().deliver(call, pushes);
    return Future.succeededFuture(result);
  }

  private static Future<JsonObject> setTyping(RpcCall call) {
    long me = call.requireUser();
    World w = call.social().world();
    JsonObject action = call.query().getJsonObject("action");
    List<Social.Push> pushes = w.locked(() -> {
      InputPeers.Target peer = InputPeers.peer(w, me, call.query().getJsonObject("peer"));
      List<Social.Push> out = new ArrayList<>();
      if (peer.kind() == World.Kind.USER && peer.id() != me) {
        out.add(new Social.Push(peer.id(), new JsonObject().put("_", "updateShort").put("date", call.now())
            .put("update", new JsonObject().put("_", "updateUserTyping").put("user_id", me).put("action", action))));
      } else if (peer.kind() == World.Kind.CHAT) {
        w.chat(peer.id()).members().keySet().stream().filter(id -> id != me).forEach(id -> out.add(
            new Social.Push(id, new JsonObject().put("_", "updateShort").put("date", call.now()).put("update",
                new JsonObject().put("_", "updateChatUserTyping").put("chat_id", peer.id())
                    .put("from_id", TlViews.peerUser(me)).put("action", action)))));
      }
      return out;
    });
    call.social().deliver(call, pushes);
    return Future.succeededFuture(AccountMethods.bool(true));
  }

  /** A {@code dialog} of {@code mine}'s owner with the peer of key {@code key}, read marks from that box. */
  static JsonObject dialog(JsonObject peer, int topMessage, Mailbox mine, String key) {
    return new JsonObject().put("_", "dialog").put("peer", peer).put("top_message", topMessage)
        .put("read_inbox_max_id", mine.readInbox().getOrDefault(key, 0))
        .put("read_outbox_max_id", mine.readOutbox().getOrDefault(key, 0)).put("unread_count", 0)
        .put("unread_mentions_count", 0).put("unread_reactions_count", 0).put("unread_poll_votes_count", 0)
        .put("notify_settings", TlViews.notifySettings());
  }
}
