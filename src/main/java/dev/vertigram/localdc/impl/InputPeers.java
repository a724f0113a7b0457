package dev.vertigram.localdc.impl;

import dev.vertigram.localdc.world.Channel;
import dev.vertigram.localdc.world.Chat;
import dev.vertigram.localdc.world.User;
import dev.vertigram.localdc.world.World;
import io.vertx.core.json.JsonObject;

/**
 * Resolves InputPeer / InputUser / InputChannel for a viewer, checking access hashes (an access_hash issued to another
 * viewer is rejected) and answering Telegram's errors: PEER_ID_INVALID, USER_ID_INVALID, CHAT_ID_INVALID,
 * CHANNEL_INVALID, CHANNEL_PRIVATE. Call under the world lock.
 */
final class InputPeers {

  /** A resolved peer. */
  record Target(World.Kind kind, long id) {
    String key() {
      return World.peerKey(kind, id);
    }
  }

  private InputPeers() {
  }

  static Target peer(World w, long viewer, JsonObject in) {
    if (in == null) {
      throw new RpcErrorException(400, "PEER_ID_INVALID");
    }
    return switch (in.getString("_")) {
      case "inputPeerSelf" -> new Target(World.Kind.USER, viewer);
      case "inputPeerUser" -> new Target(World.Kind.USER,
          user(w, viewer, in.getLong("user_id"), in.getLong("access_hash"), "PEER_ID_INVALID").id());
      case "inputPeerUserFromMessage" -> new Target(World.Kind.USER, fromMessage(w, viewer, in, "PEER_ID_INVALID"));
      case "inputPeerChat" -> new Target(World.Kind.CHAT, chat(w, viewer, in.getLong("chat_id"), "PEER_ID_INVALID").id());
      case "inputPeerChannel" -> new Target(World.Kind.CHANNEL,
          channel(w, viewer, in.getLong("channel_id"), in.getLong("access_hash")).id());
      case "inputPeerChannelFromMessage" -> new Target(World.Kind.CHANNEL, in.getLong("channel_id"));
      default -> throw new RpcErrorException(400, "PEER_ID_INVALID");
    };
  }

  static User inputUser(World w, long viewer, JsonObject in) {
    if (in == null) {
      throw new RpcErrorException(400, "USER_ID_INVALID");
    }
    return switch (in.getString("_")) {
      case "inputUserSelf" -> w.user(viewer);
      case "inputUser" -> user(w, viewer, in.getLong("user_id"), in.getLong("access_hash"), "USER_ID_INVALID");
      case "inputUserFromMessage" -> w.user(fromMessage(w, viewer, in, "USER_ID_INVALID"));
      default -> throw new RpcErrorException(400, "USER_ID_INVALID");
    };
  }

  static Channel inputChannel(World w, long viewer, JsonObject in) {
    if (in == null || !"inputChannel".equals(in.getString("_"))) {
      throw new RpcErrorException(400, "CHANNEL_INVALID");
    }
    return channel(w, viewer, in.getLong("channel_id"), in.getLong("access_hash"));
  }

  private static User user(World w, long viewer, long id, long hash, String error) {
    User u = w.user(id);
    if (u == null || (id != viewer && hash != w.accessHash(viewer, World.Kind.USER, id))) {
      throw new RpcErrorException(400, error);
    }
    return u;
  }

  /** A min user seen in a channel message: valid when the viewer can read that channel and the user exists. */
  private static long fromMessage(World w, long viewer, JsonObject in, String error) {
    JsonObject peer = in.getJsonObject("peer");
    Target where = peer(w, viewer, peer);
    long id = in.getLong("user_id");
    if (where.kind() != World.Kind.CHANNEL || w.user(id) == null) {
      throw new RpcErrorException(400, error);
    }
    return id;
  }

  static Chat chat(World w, long viewer, long id, String error) {
    Chat c = w.chat(id);
    if (c == null || !c.members().containsKey(viewer)) {
      throw new RpcErrorException(400, error);
    }
    return c;
  }

  static Channel channel(World w, long viewer, long id, long hash) {
    Channel c = w.channel(id);
    if (c == null || hash != w.accessHash(viewer, World.Kind.CHANNEL, id)) {
      throw new RpcErrorException(400, "CHANNEL_INVALID");
    }
    return c;
  }

  /** The channel, requiring membership (CHANNEL_PRIVATE otherwise). */
  static Channel memberOf(World w, long viewer, Channel c) {
    if (!c.members().containsKey(viewer)) {
      throw new RpcErrorException(406, "CHANNEL_PRIVATE");
    }
    return c;
  }
}
