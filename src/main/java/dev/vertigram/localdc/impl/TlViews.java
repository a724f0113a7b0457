package dev.vertigram.localdc.impl;

import dev.vertigram.localdc.world.Channel;
import dev.vertigram.localdc.world.Chat;
import dev.vertigram.localdc.world.User;
import dev.vertigram.localdc.world.World;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * World objects as TL JSON seen by one viewer: user (full, or {@code min} for a user the viewer has not met), chat,
 * channel, peers. Call under the world lock. The one place where world objects become TL constructors.
 */
final class TlViews {

  private static final JsonObject PHOTO_EMPTY = new JsonObject().put("_", "chatPhotoEmpty");

  private final World world;

  TlViews(World world) {
    this.world = world;
  }

  World world() {
    return world;
  }

  static JsonObject peerUser(long id) {
    return new JsonObject().put("_", "peerUser").put("user_id", id);
  }

  static JsonObject peerChat(long id) {
    return new JsonObject().put("_", "peerChat").put("chat_id", id);
  }

  static JsonObject peerChannel(long id) {
    return new JsonObject().put("_", "peerChannel").put("channel_id", id);
  }

  /** The user as {@code viewer} sees it: min (no phone, no usable access_hash) when they have not met. */
  JsonObject user(long viewer, User u) {
    boolean self = u.id() == viewer;
    JsonObject j = new JsonObject().put("_", "user").put("id", u.id()).put("first_name", u.firstName());
    if (!u.lastName().isEmpty()) {
      j.put("last_name", u.lastName());
    }
    if (u.username() != null) {
      j.put("username", u.username());
    }
    if (u.bot()) {
      j.put("bot", true).put("bot_info_version", 1);
    }
    if (!world.knows(viewer, u.id())) {
      return j.put("min", true);
    }
    j.put("access_hash", world.accessHash(viewer, World.Kind.USER, u.id()));
    if (self) {
      j.put("self", true);
    }
    boolean contact = world.user(viewer).contacts().contains(u.id());
    if (u.phone() != null && (self || contact)) {
      j.put("phone", u.phone());
    }
    if (contact) {
      j.put("contact", true);
      if (u.contacts().contains(viewer)) {
        j.put("mutual_contact", true);
      }
    }
    return j;
  }

  JsonObject chat(long viewer, Chat c) {
    JsonObject j = new JsonObject().put("_", "chat").put("id", c.id()).put("title", c.title())
        .put("photo", PHOTO_EMPTY.copy()).put("participants_count", c.members().size()).put("date", c.date())
        .put("version", c.version());
    if (c.creatorId() == viewer) {
      j.put("creator", true);
    }
    if (!c.members().containsKey(viewer)) {
      j.put("left", true);
    }
    return j;
  }

  JsonObject channel(long viewer, Channel c) {
    JsonObject j = new JsonObject().put("_", "channel").put("id", c.id()).put("title", c.title())
        .put("photo", PHOTO_EMPTY.copy()).put("date", c.date())
        .put("access_hash", world.accessHash(viewer, World.Kind.CHANNEL, c.id()))
        .put("participants_count", c.members().size());
    j.put(c.megagroup() ? "megagroup" : "broadcast", true);
    if (c.username() != null) {
      j.put("username", c.username());
    }
    if (c.creatorId() == viewer) {
      j.put("creator", true);
    }
    if (!c.members().containsKey(viewer)) {
      j.put("left", true);
    }
    return j;
  }

  JsonArray users(long viewer, Collection<Long> ids) {
    JsonArray out = new JsonArray();
    for (long id : ids instanceof Set ? ids : new LinkedHashSet<>(ids)) {
      User u = world.user(id);
      if (u != null) {
        out.add(user(viewer, u));
      }
    }
    return out;
  }

  /** Chats and channels named by peer keys-free id sets. */
  JsonArray chats(long viewer, Set<Long> chatIds, Set<Long> channelIds) {
    JsonArray out = new JsonArray();
    chatIds.forEach(id -> out.add(chat(viewer, world.chat(id))));
    channelIds.forEach(id -> out.add(channel(viewer, world.channel(id))));
    return out;
  }

  /** Notify settings as a fresh account has them. */
  static JsonObject notifySettings() {
    return new JsonObject().put("_", "peerNotifySettings");
  }
}
