package dev.vertigram.peers.impl;

import dev.vertigram.peers.PeerNotInDbException;
import dev.vertigram.storage.LongMap;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** Builds InputPeer/InputUser/InputChannel constructors; min peers go through the message they were seen in. */
public final class InputPeers {

  private final PeerIndex index;
  private final LongMap minPeers;

  public InputPeers(PeerIndex index, LongMap minPeers) {
    this.index = index;
    this.minPeers = minPeers;
  }

  /** The InputPeer of a known id. */
  public Future<JsonObject> inputPeer(long id) {
    long raw = PeerIds.raw(id);
    if (id < 0 && !PeerIds.isChannel(id)) {
      return Future.succeededFuture(new JsonObject().put("_", "inputPeerChat").put("chat_id", raw));
    }
    boolean user = id > 0;
    if ((index.kind(id) & PeerIndex.MIN) == 0) {
      return Future.succeededFuture(user
          ? new JsonObject().put("_", "inputPeerUser").put("user_id", raw).put("access_hash", index.accessHash(id))
          : new JsonObject().put("_", "inputPeerChannel").put("channel_id", raw)
              .put("access_hash", index.accessHash(id)));
    }
    return minPeers.get(id).compose(context -> {
      if (context == null) {
        return Future.failedFuture(new PeerNotInDbException(id + " (only seen as a min peer, with no message)"));
      }
      long chat = context.getLong(0);
      int msgId = context.getInt(8);
      return inputPeer(chat).map(where -> user
          ? new JsonObject().put("_", "inputPeerUserFromMessage").put("peer", where).put("msg_id", msgId)
              .put("user_id", raw)
          : new JsonObject().put("_", "inputPeerChannelFromMessage").put("peer", where).put("msg_id", msgId)
              .put("channel_id", raw));
    });
  }

  /** The InputUser of an InputPeer of a user. */
  public static JsonObject toInputUser(JsonObject p) {
    return switch (p.getString("_")) {
      case "inputPeerSelf" -> new JsonObject().put("_", "inputUserSelf");
      case "inputPeerUser" -> new JsonObject().put("_", "inputUser").put("user_id", p.getLong("user_id"))
          .put("access_hash", p.getLong("access_hash"));
      case "inputPeerUserFromMessage" -> p.copy().put("_", "inputUserFromMessage");
      default -> throw new IllegalArgumentException("not a user: " + p.getString("_"));
    };
  }

  /** The InputChannel of an InputPeer of a channel. */
  public static JsonObject toInputChannel(JsonObject p) {
    return switch (p.getString("_")) {
      case "inputPeerChannel" -> new JsonObject().put("_", "inputChannel").put("channel_id", p.getLong("channel_id"))
          .put("access_hash", p.getLong("access_hash"));
      case "inputPeerChannelFromMessage" -> p.copy().put("_", "inputChannelFromMessage");
      default -> throw new IllegalArgumentException("not a channel: " + p.getString("_"));
    };
  }
}
