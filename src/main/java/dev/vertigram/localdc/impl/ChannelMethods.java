package dev.vertigram.localdc.impl;

import dev.vertigram.localdc.world.Channel;
import dev.vertigram.localdc.world.Chat;
import dev.vertigram.localdc.world.World;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * channels.createChannel / inviteToChannel / joinChannel / updateUsername / getChannels / getFullChannel /
 * getParticipants, and the channel's messages: channels.getMessages / deleteMessages (updateDeleteChannelMessages to
 * members).
 */
final class ChannelMethods implements MethodRegistry.Area {

  @Override
  public void register(MethodRegistry registry) {
    registry.add("channels.createChannel", ChannelMethods::create)
        .add("channels.inviteToChannel", ChannelMethods::invite)
        .add("channels.joinChannel", ChannelMethods::joinChannel)
        .add("channels.updateUsername", ChannelMethods::updateUsername)
        .add("channels.getChannels", ChannelMethods::getChannels)
        .add("channels.getFullChannel", ChannelMethods::getFull)
        .add("channels.getParticipants", ChannelMethods::getParticipants)
        .add("channels.getMessages", ChannelMethods::getMessages)
        .add("channels.deleteMessages", ChannelMethods::deleteMessages);
  }

  private static Future<JsonObject> create(RpcCall call) {
    long me = call.requireUser();
    JsonObject q = call.query();
    String title = q.getString("title", "").trim();
    if (title.isEmpty() || title.length() > 128) {
      throw new RpcErrorException(400, "CHAT_TITLE_EMPTY");
    }
    World w = call.social().world();
    return Future.succeededFuture(w.locked(() -> new Channels(call.social().views())
        .create(me, title, q.getString("about", ""), q.getBoolean("megagroup", false), call.now())));
  }

  private static JsonObject invited(RpcCall call, long me, Channel c) {
    JsonObject updates = Social.updates(call.social().views(), me,
        List.of(new JsonObject().put("_", "updateChannel").put("channel_id", c.id())), call.now(), 0);
    return new JsonObject().put("_", "messages.invitedUsers").put("updates", updates)
        .put("missing_invitees", new JsonArray());
  }

  private static Future<JsonObject> invite(RpcCall call) {
    long me = call.requireUser();
    World w = call.social().world();
    List<Social.Push> pushes = new ArrayList<>();
    JsonObject result = w.locked(() -> {
      Channel c = InputPeers.memberOf(w, me, InputPeers.inputChannel(w, me, call.query().getJsonObject("channel")));
      List<Long> ids = new ArrayList<>();
      JsonArray users = call.query().getJsonArray("users");
      for (int i = 0; i < users.size(); i++) {
        ids.add(InputPeers.inputUser(w, me, users.getJsonObject(i)).id());
      }
      pushes.addAll(new Channels(call.social().views()).join(c, ids, me, call.now()));
      return invited(call, me, c);
    });
    call.social().deliver(call, pushes);
    return Future.succeededFuture(result);
  }

  private static Future<JsonObject> joinChannel(RpcCall call) {
    long me = call.requireUser();
    World w = call.social().world();
    return Future.succeededFuture(w.locked(() -> {
      Channel c = InputPeers.inputChannel(w, me, call.query().getJsonObject("channel"));
      if (c.members().containsKey(me)) {
        throw new RpcErrorException(400, "USER_ALREADY_PARTICIPANT");
      }
      c.members().put(me, new Chat.Member(me, me, call.now()));
      return new JsonObject().put("_", "messages.chatInviteJoinResultOk").put("updates", Social.updates(
          call.social().views(), me, List.of(new JsonObject().put("_", "updateChannel").put("channel_id", c.id())),
          call.now(), 0));
    }));
  }

  /** channels.updateUsername by the creator: a public channel, which whoever resolves its name can join. */
  private static Future<JsonObject> updateUsername(RpcCall call) {
    long me = call.requireUser();
    String name = AccountMethods.requestedUsername(call);
    World w = call.social().world();
    return Future.succeededFuture(w.locked(() -> {
      Channel c = member(call, me);
      if (c.creatorId() != me) {
        throw new RpcErrorException(403, "CHAT_ADMIN_REQUIRED");
      }
      AccountMethods.changeUsername(c.username(), name, () -> w.setUsername(c, name));
      return AccountMethods.bool(true);
    }));
  }

  private static Future<JsonObject> getChannels(RpcCall call) {
    long me = call.requireUser();
    World w = call.social().world();
    JsonArray ids = call.query().getJsonArray("id");
    return Future.succeededFuture(w.locked(() -> {
      JsonArray chats = new JsonArray();
      for (int i = 0; i < ids.size(); i++) {
        chats.add(call.social().views().channel(me, InputPeers.inputChannel(w, me, ids.getJsonObject(i))));
      }
      return new JsonObject().put("_", "messages.chats").put("chats", chats);
    }));
  }

  private static Future<JsonObject> getFull(RpcCall call) {
    long me = call.requireUser();
    World w = call.social().world();
    return Future.succeededFuture(w.locked(() -> {
      Channel c = InputPeers.inputChannel(w, me, call.query().getJsonObject("channel"));
      JsonObject full = new JsonObject().put("_", "channelFull").put("id", c.id()).put("about", c.about())
          .put("participants_count", c.members().size()).put("can_view_participants", true)
          .put("read_inbox_max_id", 0).put("read_outbox_max_id", 0).put("unread_count", 0)
          .put("chat_photo", new JsonObject().put("_", "photoEmpty").put("id", 0L))
          .put("notify_settings", TlViews.notifySettings()).put("bot_info", new JsonArray())
          .put("pts", c.mailbox().pts());
      return new JsonObject().put("_", "messages.chatFull").put("full_chat", full)
          .put("chats", new JsonArray().add(call.social().views().channel(me, c))).put("users", new JsonArray());
    }));
  }

  private static Future<JsonObject> getParticipants(RpcCall call) {
    long me = call.requireUser();
    World w = call.social().world();
    JsonObject q = call.query();
    int offset = q.getInteger("offset", 0);
    int limit = q.getInteger("limit", 0);
    if (offset < 0 || limit < 0 || limit > 200) {
      throw new RpcErrorException(400, "LIMIT_INVALID");
    }
    return Future.succeededFuture(w.locked(() -> {
      Channel c = InputPeers.memberOf(w, me, InputPeers.inputChannel(w, me, q.getJsonObject("channel")));
      JsonArray list = new JsonArray();
      List<Long> ids = new ArrayList<>();
      c.members().values().stream().skip(offset).limit(limit).forEach(m -> {
        ids.add(m.userId());
        list.add(m.userId() == c.creatorId()
            ? new JsonObject().put("_", "channelParticipantCreator").put("user_id", m.userId())
                .put("admin_rights", new JsonObject().put("_", "chatAdminRights"))
            : new JsonObject().put("_", "channelParticipant").put("user_id", m.userId()).put("date", m.date()));
      });
      return new JsonObject().put("_", "channels.channelParticipants").put("count", c.members().size())
          .put("participants", list).put("chats", new JsonArray())
          .put("users", call.social().views().users(me, ids));
    }));
  }

  private static Channel member(RpcCall call, long me) {
    World w = call.social().world();
    return InputPeers.memberOf(w, me, InputPeers.inputChannel(w, me, call.query().getJsonObject("channel")));
  }

  private static Future<JsonObject> getMessages(RpcCall call) {
    long me = call.requireUser();
    JsonArray ids = call.query().getJsonArray("id", new JsonArray());
    return Future.succeededFuture(call.social().world().locked(() -> {
      Channel c = member(call, me);
      List<JsonObject> found = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        JsonObject in = ids.getJsonObject(i);
        JsonObject m = "inputMessageID".equals(in.getString("_"))
            ? c.mailbox().messages().get(in.getInteger("id")) : null;
        found.add(m != null ? m : new JsonObject().put("_", "messageEmpty").put("id", in.getInteger("id", 0)));
      }
      return MessageMethods.messages(call, me, found, found.size(),
          new InputPeers.Target(World.Kind.CHANNEL, c.id()));
    }));
  }

  private static Future<JsonObject> deleteMessages(RpcCall call) {
    long me = call.requireUser();
    JsonArray ids = call.query().getJsonArray("id", new JsonArray());
    World w = call.social().world();
    List<Social.Push> pushes = new ArrayList<>();
    JsonObject result = w.locked(() -> {
      Channel c = member(call, me);
      JsonArray deleted = new JsonArray();
      for (Object id : ids) {
        JsonObject m = c.mailbox().messages().get(((Number) id).intValue());
        if (m == null) {
          continue;
        }
        JsonObject from = m.getJsonObject("from_id");
        if (c.creatorId() != me && (from == null || from.getLong("user_id", 0L) != me)) {
          throw new RpcErrorException(403, "MESSAGE_DELETE_FORBIDDEN");
        }
        c.mailbox().messages().remove(((Number) id).intValue());
        deleted.add(id);
      }
      if (deleted.isEmpty()) {
        return new JsonObject().put("_", "messages.affectedMessages").put("pts", c.mailbox().pts())
            .put("pts_count", 0);
      }
      JsonObject upd = new JsonObject().put("_", "updateDeleteChannelMessages").put("channel_id", c.id())
          .put("messages", deleted);
      int pts = c.mailbox().addEvent(upd, deleted.size(), call.now());
      c.members().keySet().forEach(member -> pushes.add(new Social.Push(member,
          Social.updates(call.social().views(), member, List.of(upd.copy()), call.now(), 0))));
      return new JsonObject().put("_", "messages.affectedMessages").put("pts", pts).put("pts_count", deleted.size());
    });
    call.social().deliver(call, pushes);
    return Future.succeededFuture(result);
  }
}
