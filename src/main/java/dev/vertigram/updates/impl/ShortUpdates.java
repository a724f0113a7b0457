package dev.vertigram.updates.impl;

import io.vertx.core.json.JsonObject;

/** Expands updateShortMessage, updateShortChatMessage and updateShortSentMessage into full updateNewMessage ones. */
final class ShortUpdates {

  private static final String[] MESSAGE_FIELDS = {
    "out", "mentioned", "media_unread", "silent", "id", "message", "date", "fwd_from", "via_bot_id", "reply_to",
    "entities", "ttl_period", "media"
  };

  private ShortUpdates() {
  }

  /** updateShortMessage (a private chat with {@code user_id}) → updateNewMessage. */
  static JsonObject privateMessage(JsonObject s, long selfId) {
    JsonObject msg = copyMessage(s);
    long user = s.getLong("user_id");
    msg.put("peer_id", peerUser(user));
    if (!s.getBoolean("out", false)) {
      msg.put("from_id", peerUser(user));
    } else if (selfId != 0) {
      msg.put("from_id", peerUser(selfId));
    }
    return newMessage(msg, s);
  }

  /** updateShortChatMessage (a basic group) → updateNewMessage. */
  static JsonObject chatMessage(JsonObject s) {
    JsonObject msg = copyMessage(s);
    msg.put("peer_id", new JsonObject().put("_", "peerChat").put("chat_id", s.getLong("chat_id")));
    msg.put("from_id", peerUser(s.getLong("from_id")));
    return newMessage(msg, s);
  }

  /**
   * updateShortSentMessage, the answer to {@code request} (messages.sendMessage or sendMedia) → updateNewMessage,
   * or null when the request does not say which chat the message went to.
   */
  static JsonObject sentMessage(JsonObject s, JsonObject request, long selfId) {
    JsonObject peer = request == null ? null : peerOf(request.getJsonObject("peer"), selfId);
    if (peer == null) {
      return null;
    }
    JsonObject msg = copyMessage(s).put("out", true).put("peer_id", peer);
    msg.put("message", request.getString("message", ""));
    if (!msg.containsKey("entities") && request.containsKey("entities")) {
      msg.put("entities", request.getValue("entities"));
    }
    if (selfId != 0) {
      msg.put("from_id", peerUser(selfId));
    }
    return newMessage(msg, s);
  }

  private static JsonObject copyMessage(JsonObject s) {
    JsonObject msg = new JsonObject().put("_", "message");
    for (String f : MESSAGE_FIELDS) {
      if (s.containsKey(f)) {
        msg.put(f, s.getValue(f));
      }
    }
    return msg;
  }

  private static JsonObject newMessage(JsonObject msg, JsonObject s) {
    return new JsonObject().put("_", "updateNewMessage").put("message", msg)
        .put("pts", s.getInteger("pts")).put("pts_count", s.getInteger("pts_count"));
  }

  private static JsonObject peerUser(long id) {
    return new JsonObject().put("_", "peerUser").put("user_id", id);
  }

  /** The Peer of an InputPeer, or null. */
  private static JsonObject peerOf(JsonObject in, long selfId) {
    if (in == null) {
      return null;
    }
    switch (in.getString("_", "")) {
      case "inputPeerSelf":
        return selfId == 0 ? null : peerUser(selfId);
      case "inputPeerUser":
      case "inputPeerUserFromMessage":
        return in.containsKey("user_id") ? peerUser(in.getLong("user_id")) : null;
      case "inputPeerChat":
        return new JsonObject().put("_", "peerChat").put("chat_id", in.getLong("chat_id"));
      case "inputPeerChannel":
      case "inputPeerChannelFromMessage":
        return new JsonObject().put("_", "peerChannel").put("channel_id", in.getLong("channel_id"));
      default:
        return null;
    }
  }
}
