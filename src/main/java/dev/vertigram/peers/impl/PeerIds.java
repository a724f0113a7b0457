package dev.vertigram.peers.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Bot-API peer ids (users positive, chats {@code -id}, channels {@code -100...id}) and where to find them in TL. */
public final class PeerIds {

  private static final long CHANNEL_BASE = 1_000_000_000_000L;

  private PeerIds() {
  }

  public static long channel(long channelId) {
    return -(CHANNEL_BASE + channelId);
  }

  public static boolean isChannel(long id) {
    return id < -CHANNEL_BASE;
  }

  /** The TL id (user_id, chat_id, channel_id) of a bot-API id. */
  public static long raw(long id) {
    return id > 0 ? id : isChannel(id) ? -id - CHANNEL_BASE : -id;
  }

  /**
   * The bot-API id a TL object points at: a Peer or InputPeer/InputUser/InputChannel, a user/chat/channel, a message
   * (its chat), an update or updates (the first peer found in it); 0 when none.
   */
  public static long of(JsonObject o) {
    String c = o.getString("_", "");
    switch (c) {
      case "peerUser", "inputPeerUser", "inputUser", "inputPeerUserFromMessage", "inputUserFromMessage",
          "updateShortMessage":
        return o.getLong("user_id");
      case "peerChat", "inputPeerChat", "updateShortChatMessage":
        return -o.getLong("chat_id");
      case "peerChannel", "inputPeerChannel", "inputChannel", "inputPeerChannelFromMessage",
          "inputChannelFromMessage":
        return channel(o.getLong("channel_id"));
      case "user", "userEmpty":
        return o.getLong("id");
      case "chat", "chatEmpty", "chatForbidden":
        return -o.getLong("id");
      case "channel", "channelForbidden":
        return channel(o.getLong("id"));
      default:
        break;
    }
    for (String field : new String[] {"peer_id", "peer", "message", "update"}) {
      if (o.getValue(field) instanceof JsonObject inner) {
        long id = of(inner);
        if (id != 0) {
          return id;
        }
      }
    }
    if (o.getValue("updates") instanceof JsonArray updates) {
      for (Object u : updates) {
        long id = u instanceof JsonObject j ? of(j) : 0;
        if (id != 0) {
          return id;
        }
      }
    }
    if (o.getValue("channel_id") instanceof Number n && c.startsWith("update")) {
      return channel(n.longValue());
    }
    return o.getValue("user_id") instanceof Number n && c.startsWith("update") ? n.longValue() : 0;
  }

  /** The Peer constructor of a bot-API id. */
  public static JsonObject peer(long id) {
    return id > 0 ? new JsonObject().put("_", "peerUser").put("user_id", id)
        : isChannel(id) ? new JsonObject().put("_", "peerChannel").put("channel_id", raw(id))
        : new JsonObject().put("_", "peerChat").put("chat_id", raw(id));
  }
}
