package dev.vertigram.localdc.impl;

import dev.vertigram.localdc.world.Chat;
import dev.vertigram.localdc.world.Mailbox;
import dev.vertigram.localdc.world.User;
import dev.vertigram.localdc.world.World;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * Basic groups: messages.createChat / addChatUser (with the service messages messageActionChatCreate /
 * messageActionChatAddUser stored in every member's box and pushed as {@code updates}), messages.getChats and
 * messages.getFullChat. A group holds at most {@value #CHAT_SIZE_MAX} members.
 */
final class ChatMethods implements MethodRegistry.Area {

  static final int TITLE_MAX = 128;
  /** chat_size_max of help.getConfig: more members get USERS_TOO_MUCH. */
  static final int CHAT_SIZE_MAX = 200;

  @Override
  public void register(MethodRegistry registry) {
    registry.add("messages.createChat", ChatMethods::create)
        .add("messages.addChatUser", ChatMethods::addUser)
        .add("messages.getChats", ChatMethods::getChats)
        .add("messages.getFullChat", ChatMethods::getFull);
  }

  private static Future<JsonObject> create(RpcCall call) {
    long me = call.requireUser();
    String title = call.query().getString("title", "").trim();
    if (title.isEmpty() || title.length() > TITLE_MAX) {
      throw new RpcErrorException(400, "CHAT_TITLE_EMPTY");
    }
    JsonArray users = call.query().getJsonArray("users", new JsonArray());
    World w = call.social().world();
    List<Social.Push> pushes = new ArrayList<>();
    JsonObject result = w.locked(() -> {
      List<Long> ids = new ArrayList<>();
      for (int i = 0; i < users.size(); i++) {
        User u = InputPeers.inputUser(w, me, users.getJsonObject(i));
        if (u.id() != me && !ids.contains(u.id())) {
          ids.add(u.id());
        }
      }
      if (ids.isEmpty()) {
        throw new RpcErrorException(400, "USERS_TOO_FEW");
      }
      if (ids.size() + 1 > CHAT_SIZE_MAX) {
        throw new RpcErrorException(400, "USERS_TOO_MUCH");
      }
      Chat c = w.createChat(title, me, call.now());
      ids.forEach(id -> join(w, c, id, me, call.now()));
      JsonArray all = new JsonArray(new ArrayList<>(c.members().keySet()));
      return service(call, c, me, new JsonObject().put("_", "messageActionChatCreate").put("title", title)
          .put("users", all), pushes);
    });
    call.social().deliver(call, pushes);
    return Future.succeededFuture(invited(result));
  }

  private static Future<JsonObject> addUser(RpcCall call) {
    long me = call.requireUser();
    World w = call.social().world();
    List<Social.Push> pushes = new ArrayList<>();
    JsonObject result = w.locked(() -> {
      Chat c = InputPeers.chat(w, me, call.query().getLong("chat_id", 0L), "CHAT_ID_INVALID");
      User u = InputPeers.inputUser(w, me, call.query().getJsonObject("user_id"));
      if (c.members().containsKey(u.id())) {
        throw new RpcErrorException(400, "USER_ALREADY_PARTICIPANT");
      }
      if (c.members().size() >= CHAT_SIZE_MAX) {
        throw new RpcErrorException(400, "USERS_TOO_MUCH");
      }
      join(w, c, u.id(), me, call.now());
      return service(call, c, me, new JsonObject().put("_", "messageActionChatAddUser")
          .put("users", new JsonArray().add(u.id())), pushes);
    });
    call.social().deliver(call, pushes);
    return Future.succeededFuture(invited(result));
  }

  private static void join(World w, Chat c, long userId, long inviter, int now) {
    c.addMember(userId, inviter, now);
    c.members().keySet().forEach(other -> {
      if (other != userId) {
        w.meet(other, userId);
      }
    });
  }

  private static JsonObject invited(JsonObject updates) {
    return new JsonObject().put("_", "messages.invitedUsers").put("updates", updates)
        .put("missing_invitees", new JsonArray());
  }

  /** Stores a service message from {@code from} in every member's box; {@code from}'s updates, pushes the rest. */
  private static JsonObject service(RpcCall call, Chat c, long from, JsonObject action, List<Social.Push> pushes) {
    TlViews views = call.social().views();
    JsonObject result = null;
    for (long owner : c.members().keySet()) {
      Mailbox box = views.world().user(owner).mailbox();
      int id = box.nextMessageId();
      JsonObject m = new JsonObject().put("_", "messageService").put("id", id).put("from_id", TlViews.peerUser(from))
          .put("peer_id", TlViews.peerChat(c.id())).put("date", call.now()).put("action", action.copy());
      if (owner == from) {
        m.put("out", true);
      }
      box.messages().put(id, m);
      JsonObject upd = new JsonObject().put("_", "updateNewMessage").put("message", m);
      box.addEvent(upd, 1, call.now());
      JsonObject updates = Social.updates(views, owner, List.of(upd.copy()), call.now(), 0);
      if (owner == from) {
        result = updates;
      } else {
        pushes.add(new Social.Push(owner, updates));
      }
    }
    return result;
  }

  private static Future<JsonObject> getChats(RpcCall call) {
    long me = call.requireUser();
    World w = call.social().world();
    JsonArray ids = call.query().getJsonArray("id", new JsonArray());
    return Future.succeededFuture(w.locked(() -> {
      JsonArray chats = new JsonArray();
      // a chat the user is not in (any more) is chatForbidden, as Telegram answers; an unknown id CHAT_ID_INVALID
      for (Object id : ids) {
        Chat c = w.chat(((Number) id).longValue());
        if (c == null) {
          throw new RpcErrorException(400, "CHAT_ID_INVALID");
        }
        chats.add(c.members().containsKey(me) ? call.social().views().chat(me, c)
            : new JsonObject().put("_", "chatForbidden").put("id", c.id()).put("title", c.title()));
      }
      return new JsonObject().put("_", "messages.chats").put("chats", chats);
    }));
  }

  private static Future<JsonObject> getFull(RpcCall call) {
    long me = call.requireUser();
    World w = call.social().world();
    return Future.succeededFuture(w.locked(() -> {
      Chat c = InputPeers.chat(w, me, call.query().getLong("chat_id", 0L), "CHAT_ID_INVALID");
      JsonArray participants = new JsonArray();
      c.members().values().forEach(m -> participants.add(m.userId() == c.creatorId()
          ? new JsonObject().put("_", "chatParticipantCreator").put("user_id", m.userId())
          : new JsonObject().put("_", "chatParticipant").put("user_id", m.userId())
              .put("inviter_id", m.inviterId()).put("date", m.date())));
      JsonObject full = new JsonObject().put("_", "chatFull").put("id", c.id()).put("about", "")
          .put("participants", new JsonObject().put("_", "chatParticipants").put("chat_id", c.id())
              .put("participants", participants).put("version", c.version()))
          .put("notify_settings", TlViews.notifySettings());
      return new JsonObject().put("_", "messages.chatFull").put("full_chat", full)
          .put("chats", new JsonArray().add(call.social().views().chat(me, c)))
          .put("users", call.social().views().users(me, c.members().keySet()));
    }));
  }
}
