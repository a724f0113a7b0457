package dev.vertigram.localdc.impl;

import dev.vertigram.localdc.world.Channel;
import dev.vertigram.localdc.world.Mailbox;
import dev.vertigram.localdc.world.World;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Changing and re-sending existing messages: messages.editMessage (text, entities, media; updateEditMessage in every
 * participant's box, updateEditChannelMessage in a channel; MESSAGE_NOT_MODIFIED, MESSAGE_AUTHOR_REQUIRED,
 * MESSAGE_ID_INVALID) and messages.forwardMessages (fwd_from header, one random_id per message; the selection is
 * checked whole, then sent in one pass through {@link Messaging#sendAll} / {@link Channels#send}: one {@code updates}
 * per recipient, as Telegram sends a forwarded selection).
 */
final class EditMethods implements MethodRegistry.Area {

  @Override
  public void register(MethodRegistry registry) {
    registry.add("messages.editMessage", EditMethods::edit)
        .add("messages.forwardMessages", EditMethods::forward);
  }

  private static Future<JsonObject> edit(RpcCall call) {
    long me = call.requireUser();
    JsonObject q = call.query();
    String text = q.getString("message");
    if (text != null && text.length() > MessageMethods.MESSAGE_LENGTH_MAX) {
      throw new RpcErrorException(400, "MESSAGE_TOO_LONG");
    }
    JsonObject media = q.containsKey("media") ? Media.create(call.dc(), me, q.getJsonObject("media")) : null;
    int id = q.getInteger("id", 0);
    World w = call.social().world();
    TlViews views = call.social().views();
    List<Social.Push> pushes = new ArrayList<>();
    JsonObject result = w.locked(() -> {
      InputPeers.Target peer = InputPeers.peer(w, me, q.getJsonObject("peer"));
      Mailbox box = MessageMethods.box(w, me, peer);
      JsonObject m = box.messages().get(id);
      if (m == null || !"message".equals(m.getString("_"))
          || (peer.kind() != World.Kind.CHANNEL && !Messaging.peerKey(m, me).equals(peer.key()))) {
        throw new RpcErrorException(400, "MESSAGE_ID_INVALID");
      }
      JsonObject from = m.getJsonObject("from_id");
      boolean author = peer.kind() == World.Kind.CHANNEL ? Channels.authoredBy(w.channel(peer.id()), m, me)
          : from != null && from.getLong("user_id", 0L) == me;
      if (!author) {
        throw new RpcErrorException(403, "MESSAGE_AUTHOR_REQUIRED");
      }
      if (media == null && (text == null || text.equals(m.getString("message")))
          && Objects.equals(nonEmpty(q.getJsonArray("entities")), nonEmpty(m.getJsonArray("entities")))) {
        throw new RpcErrorException(400, "MESSAGE_NOT_MODIFIED");
      }
      if (peer.kind() == World.Kind.CHANNEL) {
        Channel c = w.channel(peer.id());
        JsonObject edited = edited(box, m, q, media, call.now());
        int pts = box.addEvent(new JsonObject().put("_", "updateEditChannelMessage").put("message", edited), 1,
            call.now());
        Social.Refs refs = new Social.Refs().add(edited);
        c.members().keySet().forEach(member -> pushes.add(new Social.Push(member, Social.updates(views, member,
            List.of(new JsonObject().put("_", "updateEditChannelMessage").put("message", Channels.seenBy(edited,
                member)).put("pts", pts).put("pts_count", 1)), refs, call.now(), 0))));
        return Social.updates(views, me, List.of(new JsonObject().put("_", "updateEditChannelMessage")
            .put("message", Channels.seenBy(edited, me)).put("pts", pts).put("pts_count", 1)), refs, call.now(), 0);
      }
      Map<Long, JsonObject> copies = new LinkedHashMap<>(new Messaging(views).copies(m, me));
      copies.put(me, m);
      JsonObject mine = null;
      for (Map.Entry<Long, JsonObject> e : copies.entrySet()) {
        Mailbox owners = w.user(e.getKey()).mailbox();
        JsonObject upd = new JsonObject().put("_", "updateEditMessage")
            .put("message", edited(owners, e.getValue(), q, media, call.now()));
        owners.addEvent(upd, 1, call.now());
        JsonObject updates = Social.updates(views, e.getKey(), List.of(upd), call.now(), 0);
        if (e.getKey() == me) {
          mine = updates;
        } else {
          pushes.add(new Social.Push(e.getKey(), updates));
        }
      }
      return mine;
    });
    call.social().deliver(call, pushes);
    return Future.succeededFuture(result);
  }

  private static JsonArray nonEmpty(JsonArray a) {
    return a == null || a.isEmpty() ? null : a;
  }

  /**
   * Stores the edited version of {@code original} (a new object: stored messages never change, see
   * {@link Mailbox#copy()}) in {@code box} and returns it.
   */
  private static JsonObject edited(Mailbox box, JsonObject original, JsonObject q, JsonObject media, int now) {
    JsonObject m = original.copy();
    if (q.containsKey("message")) {
      m.put("message", q.getString("message"));
      if (nonEmpty(q.getJsonArray("entities")) != null) {
        m.put("entities", q.getJsonArray("entities").copy());
      } else {
        m.remove("entities");
      }
    }
    if (media != null) {
      m.put("media", media.copy());
    }
    m.put("edit_date", now);
    box.messages().put(m.getInteger("id"), m);
    return m;
  }

  private static Future<JsonObject> forward(RpcCall call) {
    long me = call.requireUser();
    JsonObject q = call.query();
    JsonArray ids = q.getJsonArray("id", new JsonArray());
    JsonArray randomIds = q.getJsonArray("random_id", new JsonArray());
    if (ids.isEmpty() || ids.size() > MessageMethods.HISTORY_LIMIT_MAX) {
      throw new RpcErrorException(400, "MESSAGE_IDS_EMPTY");
    }
    if (randomIds.size() != ids.size()) {
      throw new RpcErrorException(400, "RANDOM_ID_INVALID");
    }
    World w = call.social().world();
    TlViews views = call.social().views();
    FileStore files = call.dc().core().files();
    List<Social.Push> pushes = new ArrayList<>();
    JsonObject result = w.locked(() -> {
      InputPeers.Target from = InputPeers.peer(w, me, q.getJsonObject("from_peer"));
      InputPeers.Target to = InputPeers.peer(w, me, q.getJsonObject("to_peer"));
      Mailbox source = MessageMethods.box(w, me, from);
      List<Messaging.Item> items = new ArrayList<>(ids.size());
      for (int i = 0; i < ids.size(); i++) {
        JsonObject m = source.messages().get(ids.getInteger(i));
        if (m == null || !"message".equals(m.getString("_"))
            || (from.kind() != World.Kind.CHANNEL && !Messaging.peerKey(m, me).equals(from.key()))) {
          throw new RpcErrorException(400, "MESSAGE_ID_INVALID");
        }
        JsonObject media = m.containsKey("media") ? Media.refresh(files, m.getJsonObject("media")) : null;
        items.add(new Messaging.Item(new Messaging.Content(m.getString("message", ""), m.getJsonArray("entities"),
            media, header(m), null), randomIds.getLong(i)));
      }
      Messaging.Outcome out = to.kind() == World.Kind.CHANNEL
          ? new Channels(views).send(me, w.channel(to.id()), items, call.now())
          : new Messaging(views).sendAll(me, to, items, call.now());
      pushes.addAll(out.pushes());
      return out.result();
    });
    call.social().deliver(call, pushes);
    return Future.succeededFuture(result);
  }

  /** The forward header: the original one when forwarding a forward, else the message's author and date. */
  private static JsonObject header(JsonObject m) {
    if (m.containsKey("fwd_from")) {
      return m.getJsonObject("fwd_from");
    }
    JsonObject h = new JsonObject().put("_", "messageFwdHeader").put("date", m.getInteger("date"));
    if (m.containsKey("from_id")) {
      return h.put("from_id", m.getJsonObject("from_id").copy());
    }
    return h.put("from_id", m.getJsonObject("peer_id").copy()).put("channel_post", m.getInteger("id"));
  }
}
