package dev.vertigram.localdc.impl;

import dev.vertigram.localdc.world.Channel;
import dev.vertigram.localdc.world.User;
import dev.vertigram.localdc.world.World;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * users.getUsers / getFullUser and contacts.resolveUsername / getContacts / importContacts. Resolving a username
 * lets the viewer meet the user (full objects from then on).
 */
final class UserMethods implements MethodRegistry.Area {

  @Override
  public void register(MethodRegistry registry) {
    registry.add("users.getUsers", UserMethods::getUsers)
        .add("users.getFullUser", UserMethods::getFullUser)
        .add("contacts.resolveUsername", UserMethods::resolve)
        .add("contacts.getContacts", UserMethods::getContacts)
        .add("contacts.importContacts", UserMethods::importContacts);
  }

  private static Future<JsonObject> getUsers(RpcCall call) {
    long me = call.requireUser();
    World w = call.social().world();
    JsonArray ids = call.query().getJsonArray("id");
    return Future.succeededFuture(w.locked(() -> {
      JsonArray out = new JsonArray();
      for (int i = 0; i < ids.size(); i++) {
        try {
          out.add(call.social().views().user(me, InputPeers.inputUser(w, me, ids.getJsonObject(i))));
        } catch (RpcErrorException e) {
          if (ids.size() == 1) {
            throw e;
          }
        }
      }
      return new JsonObject().put("_", "vector").put("value", out);
    }));
  }

  private static Future<JsonObject> getFullUser(RpcCall call) {
    long me = call.requireUser();
    World w = call.social().world();
    return Future.succeededFuture(w.locked(() -> {
      User u = InputPeers.inputUser(w, me, call.query().getJsonObject("id"));
      JsonObject full = new JsonObject().put("_", "userFull").put("id", u.id()).put("about", u.about())
          .put("settings", new JsonObject().put("_", "peerSettings"))
          .put("notify_settings", TlViews.notifySettings()).put("common_chats_count", 0);
      return new JsonObject().put("_", "users.userFull").put("full_user", full).put("chats", new JsonArray())
          .put("users", new JsonArray().add(call.social().views().user(me, u)));
    }));
  }

  private static Future<JsonObject> resolve(RpcCall call) {
    long me = call.requireUser();
    String name = call.query().getString("username", "");
    if (!World.validUsername(name)) {
      throw new RpcErrorException(400, "USERNAME_INVALID");
    }
    World w = call.social().world();
    TlViews v = call.social().views();
    return Future.succeededFuture(w.locked(() -> {
      Object holder = w.byUsername(name);
      JsonObject out = new JsonObject().put("_", "contacts.resolvedPeer");
      if (holder instanceof User u) {
        w.learn(me, u.id());
        return out.put("peer", TlViews.peerUser(u.id())).put("chats", new JsonArray())
            .put("users", new JsonArray().add(v.user(me, u)));
      }
      if (holder instanceof Channel c) {
        return out.put("peer", TlViews.peerChannel(c.id())).put("chats", new JsonArray().add(v.channel(me, c)))
            .put("users", new JsonArray());
      }
      throw new RpcErrorException(400, "USERNAME_NOT_OCCUPIED");
    }));
  }

  private static Future<JsonObject> getContacts(RpcCall call) {
    long me = call.requireUser();
    World w = call.social().world();
    return Future.succeededFuture(w.locked(() -> {
      User u = w.user(me);
      JsonArray contacts = new JsonArray();
      for (long id : u.contacts()) {
        contacts.add(new JsonObject().put("_", "contact").put("user_id", id)
            .put("mutual", w.user(id).contacts().contains(me)));
      }
      return new JsonObject().put("_", "contacts.contacts").put("contacts", contacts).put("saved_count", 0)
          .put("users", call.social().views().users(me, u.contacts()));
    }));
  }

  private static Future<JsonObject> importContacts(RpcCall call) {
    long me = call.requireUser();
    World w = call.social().world();
    JsonArray in = call.query().getJsonArray("contacts");
    return Future.succeededFuture(w.locked(() -> {
      JsonArray imported = new JsonArray();
      List<Long> found = new ArrayList<>();
      for (int i = 0; i < in.size(); i++) {
        JsonObject c = in.getJsonObject(i);
        User u = w.userByPhone(c.getString("phone", "").replaceAll("[+ ()-]", ""));
        if (u != null && u.id() != me) {
          w.user(me).contacts().add(u.id());
          w.learn(me, u.id());
          found.add(u.id());
          imported.add(new JsonObject().put("_", "importedContact").put("user_id", u.id())
              .put("client_id", c.getLong("client_id")));
        }
      }
      return new JsonObject().put("_", "contacts.importedContacts").put("imported", imported)
          .put("popular_invites", new JsonArray()).put("retry_contacts", new JsonArray())
          .put("users", call.social().views().users(me, found));
    }));
  }
}
