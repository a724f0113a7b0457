package dev.vertigram.peers;

import dev.vertigram.peers.impl.PeerIds;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.function.Function;

/** Pages through messages.getDialogs (100 at a time) so that every dialog's peers feed the database. */
final class DialogPager {

  private static final int LIMIT = 100;

  private final PeerDatabase peers;
  private final Function<JsonObject, Future<JsonObject>> rpc;

  DialogPager(PeerDatabase peers, Function<JsonObject, Future<JsonObject>> rpc) {
    this.peers = peers;
    this.rpc = rpc;
  }

  Future<Void> run() {
    return page(0, 0, new JsonObject().put("_", "inputPeerEmpty"), 0);
  }

  private Future<Void> page(int offsetDate, int offsetId, JsonObject offsetPeer, int seen) {
    JsonObject call = new JsonObject().put("_", "messages.getDialogs").put("offset_date", offsetDate)
        .put("offset_id", offsetId).put("offset_peer", offsetPeer).put("limit", LIMIT).put("hash", 0L);
    return rpc.apply(call).compose(result -> {
      peers.feed(result);
      JsonArray dialogs = result.getJsonArray("dialogs", new JsonArray());
      int total = seen + dialogs.size();
      if (!result.getString("_").equals("messages.dialogsSlice") || dialogs.isEmpty()
          || total >= result.getInteger("count", 0)) {
        return Future.succeededFuture();
      }
      JsonObject last = dialogs.getJsonObject(dialogs.size() - 1);
      long lastPeer = PeerIds.of(last.getJsonObject("peer"));
      int topId = last.getInteger("top_message", 0);
      int date = 0;
      for (Object m : result.getJsonArray("messages", new JsonArray())) {
        JsonObject msg = (JsonObject) m;
        if (msg.getInteger("id", -1) == topId && PeerIds.of(msg) == lastPeer) {
          date = msg.getInteger("date", 0);
        }
      }
      int offsetDateNext = date;
      return peers.inputPeer(lastPeer).compose(p -> page(offsetDateNext, topId, p, total));
    });
  }
}
