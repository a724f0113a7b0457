package dev.vertigram.peers;

import dev.vertigram.peers.impl.InputPeers;
import dev.vertigram.peers.impl.PeerFeeder;
import dev.vertigram.peers.impl.PeerIds;
import dev.vertigram.peers.impl.PeerIndex;
import dev.vertigram.peers.impl.PeerRefs;
import dev.vertigram.storage.Db;
import dev.vertigram.storage.LongMap;
import dev.vertigram.storage.Store;
import dev.vertigram.tl.TlCodec;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.function.Function;

/**
 * The peer database of a session, as in MadelineProto: access hashes, usernames, min-peer contexts and a full-info
 * cache, fed by every result and update ({@link #feed}). A peer may be given as a bot-API id (users positive, chats
 * {@code -id}, channels {@code -100...}), "me"/"self", "@username", a t.me link (t.me/name, t.me/c/123/45), a
 * tg://resolve link, or a TL object: Peer/InputPeer, user/chat/channel, a message (its chat), an update.
 *
 * <p>RAM: only a {@link PeerIndex} (id, access hash, kind) stays in the heap; names, usernames, min contexts and full
 * info live in the {@link Store} ({@link Db#PEERS}, {@link Db#USERNAMES}, {@link Db#MIN_PEERS}, {@link Db#FULL_INFO}),
 * which honours the slimming settings.
 */
public final class PeerDatabase {

  private static final TlCodec CODEC = TlCodec.api();

  private final PeerIndex index;
  private final PeerFeeder feeder;
  private final Store store;
  private final InputPeers inputs;
  private final Function<JsonObject, Future<JsonObject>> rpc;
  private volatile long selfId;

  private PeerDatabase(Store store, PeerIndex index, Function<JsonObject, Future<JsonObject>> rpc) {
    this.store = store;
    this.index = index;
    this.rpc = rpc;
    this.feeder = new PeerFeeder(index, store);
    this.inputs = new InputPeers(index, store.longMap(Db.MIN_PEERS));
  }

  /** Loads the peer index from {@code store}; {@code rpc} calls Telegram (resolveUsername, getFullUser...). */
  public static Future<PeerDatabase> load(Store store, Function<JsonObject, Future<JsonObject>> rpc) {
    PeerIndex index = new PeerIndex();
    return store.longMap(Db.PEERS).forEach((id, value) -> index.put(id, value.getByte(0), value.getLong(1),
        java.util.Arrays.hashCode(value.getBytes()))).map(v -> new PeerDatabase(store, index, rpc));
  }

  /** Learns every user, chat and channel in a result or update, and where min peers were seen. */
  public void feed(JsonObject resultOrUpdate) {
    feeder.feed(resultOrUpdate);
  }

  /** Number of peers known. */
  public int size() {
    return index.size();
  }

  /** The logged-in user's id ("me"), 0 before login. */
  public long selfId() {
    return selfId;
  }

  public void selfId(long id) {
    this.selfId = id;
  }

  /** The bot-API id of a peer (resolving @usernames through Telegram when they are not in the database). */
  public Future<Long> getId(Object peer) {
    if (peer instanceof Number n) {
      return Future.succeededFuture(n.longValue());
    }
    if (peer instanceof JsonObject o) {
      if (o.getString("_", "").matches("inputPeerSelf|inputUserSelf")) {
        return self(peer);
      }
      feed(o);
      long id = PeerIds.of(o);
      return id != 0 ? Future.succeededFuture(id)
          : Future.failedFuture(new IllegalArgumentException("no peer in " + o.getString("_")));
    }
    if (!(peer instanceof String s)) {
      return Future.failedFuture(new IllegalArgumentException("not a peer: " + peer));
    }
    PeerRefs.Ref ref;
    try {
      ref = PeerRefs.parse(s);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    if (ref.self()) {
      return self(peer);
    }
    return ref.id() != 0 ? Future.succeededFuture(ref.id()) : byUsername(ref.username());
  }

  /** The type: "user", "bot", "chat", "supergroup" or "channel". */
  public Future<String> getType(Object peer) {
    return known(peer).map(id -> switch (index.kind(id) & 0x0f) {
      case PeerIndex.USER -> "user";
      case PeerIndex.BOT -> "bot";
      case PeerIndex.CHAT -> "chat";
      case PeerIndex.SUPERGROUP -> "supergroup";
      case PeerIndex.CHANNEL -> "channel";
      default -> "chat"; // a basic group never seen: known() lets it through, it needs no access hash
    });
  }

  /** The InputPeer of a peer: inputPeerSelf for "me", FromMessage forms for min peers. */
  public Future<JsonObject> inputPeer(Object peer) {
    if (isSelf(peer)) {
      return Future.succeededFuture(new JsonObject().put("_", "inputPeerSelf"));
    }
    if (peer instanceof JsonObject o && o.getString("_", "").startsWith("inputPeer")) {
      return Future.succeededFuture(o);
    }
    return known(peer).compose(inputs::inputPeer);
  }

  /** The InputUser of a user. */
  public Future<JsonObject> inputUser(Object peer) {
    return inputPeer(peer).map(InputPeers::toInputUser);
  }

  /** The InputChannel of a channel or supergroup. */
  public Future<JsonObject> inputChannel(Object peer) {
    return inputPeer(peer).map(InputPeers::toInputChannel);
  }

  /**
   * MadelineProto's getInfo: {@code bot_api_id}, {@code type}, {@code Peer}, {@code InputPeer}, {@code InputUser} or
   * {@code InputChannel}, and the TL object as {@code User} or {@code Chat} (absent under accessHashOnly slimming).
   */
  public Future<JsonObject> getInfo(Object peer) {
    return known(peer).compose(id -> Future.all(getType(id), inputPeer(id), store.longMap(Db.PEERS).get(id))
        .map(all -> {
          JsonObject info = new JsonObject().put("bot_api_id", id).put("type", all.resultAt(0))
              .put("Peer", PeerIds.peer(id)).put("InputPeer", all.resultAt(1));
          if (id > 0) {
            info.put("user_id", id).put("InputUser", InputPeers.toInputUser(all.resultAt(1)));
          } else if (PeerIds.isChannel(id)) {
            info.put("channel_id", PeerIds.raw(id)).put("InputChannel", InputPeers.toInputChannel(all.resultAt(1)));
          } else {
            info.put("chat_id", PeerIds.raw(id));
          }
          Buffer stored = all.resultAt(2);
          Object object = stored == null ? null : PeerFeeder.decode(stored)[2];
          return object == null ? info : info.put(id > 0 ? "User" : "Chat", object);
        }));
  }

  /** The full info (users.userFull / messages.chatFull), from the cache while its TTL lasts, else from Telegram. */
  public Future<JsonObject> getFullInfo(Object peer) {
    LongMap cache = store.longMap(Db.FULL_INFO);
    return known(peer).compose(id -> cache.get(id).compose(cached -> {
      if (cached != null) {
        return Future.succeededFuture(CODEC.decode(cached));
      }
      Future<JsonObject> call = id > 0
          ? inputUser(id).compose(u -> rpc.apply(new JsonObject().put("_", "users.getFullUser").put("id", u)))
          : PeerIds.isChannel(id)
          ? inputChannel(id).compose(c -> rpc.apply(new JsonObject().put("_", "channels.getFullChannel")
              .put("channel", c)))
          : rpc.apply(new JsonObject().put("_", "messages.getFullChat").put("chat_id", PeerIds.raw(id)));
      return call.compose(full -> {
        feed(full);
        return cache.put(id, CODEC.encode(full)).map(full);
      });
    }));
  }

  /** Fills the database from every dialog (messages.getDialogs, 100 per page). */
  public Future<Void> cacheAllPeers() {
    return new DialogPager(this, rpc).run();
  }

  /** The id of the message sent, from a sendMessage-like result (updateShortSentMessage, updates, a message). */
  public static long extractMessageId(JsonObject result) {
    String c = result.getString("_", "");
    if (c.equals("updateShortSentMessage") || c.equals("message") || c.equals("messageService")) {
      return result.getLong("id");
    }
    for (JsonObject u : extractUpdates(result)) {
      if (u.getString("_").equals("updateMessageID")) {
        return u.getLong("id");
      }
      if (u.getValue("message") instanceof JsonObject m && m.getValue("id") instanceof Number n) {
        return n.longValue();
      }
    }
    throw new IllegalArgumentException("no message id in " + c);
  }

  /** The updates inside a result: updates/updatesCombined → their list, updateShort → its update, short forms as is. */
  public static List<JsonObject> extractUpdates(JsonObject result) {
    String c = result.getString("_", "");
    if (result.getValue("updates") instanceof JsonArray list) {
      return list.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
    }
    if (c.equals("updateShort")) {
      return List.of(result.getJsonObject("update"));
    }
    return c.startsWith("update") && !c.equals("updatesTooLong") ? List.of(result) : List.of();
  }

  /** The id of a peer this database knows (or learns by @username); fails with PeerNotInDbException otherwise. */
  private Future<Long> known(Object peer) {
    return getId(peer).compose(id -> index.kind(id) != 0 || id < 0 && !PeerIds.isChannel(id)
        ? Future.succeededFuture(id) : Future.failedFuture(new PeerNotInDbException(peer)));
  }

  private Future<Long> self(Object peer) {
    return selfId != 0 ? Future.succeededFuture(selfId) : Future.failedFuture(new PeerNotInDbException(peer));
  }

  private static boolean isSelf(Object peer) {
    return peer instanceof String s && (s.trim().equalsIgnoreCase("me") || s.trim().equalsIgnoreCase("self"));
  }

  private Future<Long> byUsername(String username) {
    return store.stringMap(Db.USERNAMES).get(username).compose(stored -> {
      if (stored != null && index.kind(stored.getLong(0)) != 0) {
        return Future.succeededFuture(stored.getLong(0));
      }
      return rpc.apply(new JsonObject().put("_", "contacts.resolveUsername").put("username", username))
          .recover(e -> Future.failedFuture(e.getMessage() != null && e.getMessage().contains("USERNAME_NOT_OCCUPIED")
              ? new PeerNotInDbException("@" + username) : e))
          .map(resolved -> {
            feed(resolved);
            return PeerIds.of(resolved.getJsonObject("peer"));
          });
    });
  }
}
