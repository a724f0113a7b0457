package dev.vertigram.peers.impl;

import dev.vertigram.storage.Db;
import dev.vertigram.storage.LongMap;
import dev.vertigram.storage.Slimming;
import dev.vertigram.storage.Store;
import dev.vertigram.storage.StringMap;
import dev.vertigram.tl.TlCodec;
import dev.vertigram.tl.TlException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Feeds the peer database from any TL result or update: every user/chat/channel object anywhere in it (the users and
 * chats vectors), and the contexts of min peers (the message a min user or channel was seen in). A full peer is never
 * replaced by a min one; unchanged peers cause no store write. Store values are
 * {@code kind(1) ‖ access_hash(8) ‖ TL object} (the TL object is left out under {@code accessHashOnly} slimming).
 */
public final class PeerFeeder {

  private static final Logger log = LoggerFactory.getLogger(PeerFeeder.class);
  private static final TlCodec CODEC = TlCodec.api();

  private final PeerIndex index;
  private final LongMap peers;
  private final StringMap usernames;
  private final LongMap minPeers;
  private final boolean keepObjects;

  public PeerFeeder(PeerIndex index, Store store) {
    this.index = index;
    this.peers = store.longMap(Db.PEERS);
    this.usernames = store.stringMap(Db.USERNAMES);
    this.minPeers = store.longMap(Db.MIN_PEERS);
    this.keepObjects = store.options().getSlimming().peerDb() != Slimming.PeerDb.ACCESS_HASH_ONLY;
  }

  /** Walks {@code value} (a JsonObject or JsonArray) and learns every peer in it. */
  public void feed(Object value) {
    if (value instanceof JsonArray a) {
      for (Object o : a) {
        feed(o);
      }
    } else if (value instanceof JsonObject o) {
      String c = o.getString("_", "");
      switch (c) {
        case "user", "chat", "chatForbidden", "channel", "channelForbidden" -> learn(o);
        default -> {
          List<String> walk = PeerPaths.api().fields(c);
          if (walk == null) { // not a TL constructor: any field may hold one
            for (Map.Entry<String, Object> field : o) {
              feed(field.getValue());
            }
          } else {
            for (String field : walk) {
              Object v = o.getValue(field);
              if (v != null) {
                feed(v);
              }
            }
          }
          if (c.equals("message") || c.equals("messageService")) {
            minContexts(o);
          }
        }
      }
    }
  }

  /** The store value of a peer, decoded: [kind, access_hash, TL object or null]. */
  public static Object[] decode(Buffer value) {
    JsonObject object = value.length() > 9 ? CODEC.decode(value.getBuffer(9, value.length())) : null;
    return new Object[] {value.getByte(0), value.getLong(1), object};
  }

  private void learn(JsonObject o) {
    long id = PeerIds.of(o);
    boolean min = o.getBoolean("min", false);
    byte known = index.kind(id);
    if (min && known != 0 && (known & PeerIndex.MIN) == 0) {
      return; // never overwrite a full peer with a min one
    }
    byte kind = (byte) (kindOf(o) | (min ? PeerIndex.MIN : 0));
    long hash = o.getLong("access_hash", min ? index.accessHash(id) : 0L);
    Buffer value = Buffer.buffer().appendByte(kind).appendLong(hash);
    if (keepObjects) {
      try {
        value.appendBuffer(CODEC.encode(o));
      } catch (TlException e) {
        log.debug("peer {} kept without its object: {}", id, e.getMessage());
      }
    }
    int valueHash = Arrays.hashCode(value.getBytes());
    if (known != 0 && index.valueHash(id) == valueHash) {
      return;
    }
    index.put(id, kind, hash, valueHash);
    peers.put(id, value).onFailure(e -> log.warn("peer {} not saved: {}", id, e.getMessage()));
    Buffer idValue = Buffer.buffer(8).appendLong(id);
    if (o.getValue("username") instanceof String u) {
      usernames.put(u.toLowerCase(Locale.ROOT), idValue);
    }
    if (o.getValue("usernames") instanceof JsonArray list) {
      for (Object u : list) {
        if (u instanceof JsonObject uo && uo.getValue("username") instanceof String name) {
          usernames.put(name.toLowerCase(Locale.ROOT), idValue);
        }
      }
    }
  }

  private static byte kindOf(JsonObject o) {
    return switch (o.getString("_")) {
      case "user" -> o.getBoolean("bot", false) ? PeerIndex.BOT : PeerIndex.USER;
      case "chat", "chatForbidden" -> PeerIndex.CHAT;
      default -> o.getBoolean("megagroup", false) || o.getBoolean("gigagroup", false)
          ? PeerIndex.SUPERGROUP : PeerIndex.CHANNEL;
    };
  }

  /** Remembers where min peers were seen: the sender and the forward origin of a message. */
  private void minContexts(JsonObject message) {
    long chat = message.getValue("peer_id") instanceof JsonObject p ? PeerIds.of(p) : 0;
    if (chat == 0 || !(message.getValue("id") instanceof Number msgId)) {
      return;
    }
    remember(message.getJsonObject("from_id"), chat, msgId.intValue());
    if (message.getValue("fwd_from") instanceof JsonObject fwd) {
      remember(fwd.getJsonObject("from_id"), chat, msgId.intValue());
    }
  }

  private void remember(JsonObject peer, long chat, int msgId) {
    if (peer == null) {
      return;
    }
    long id = PeerIds.of(peer);
    byte kind = index.kind(id);
    if (id != 0 && id != chat && (kind == 0 || (kind & PeerIndex.MIN) != 0)) {
      minPeers.put(id, Buffer.buffer(12).appendLong(chat).appendInt(msgId));
    }
  }
}
