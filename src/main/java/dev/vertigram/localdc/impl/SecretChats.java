package dev.vertigram.localdc.impl;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secret chats as the server sees them: two users, an access_hash, the public DH values and the key fingerprint; the
 * messages are opaque bytes relayed to the other side (their qts is the account's, see
 * {@link dev.vertigram.localdc.world.Mailbox#addQtsEvent}).
 * Shared by all DCs, thread-safe; kept by snapshots.
 */
final class SecretChats {

  /** One chat; {@code gB} and {@code fingerprint} are set when accepted, {@code discarded} at the end. */
  static final class Chat {
    final int id;
    final long accessHash;
    final int date;
    final long admin;
    final long participant;
    final Buffer gA;
    volatile Buffer gB;
    volatile long fingerprint;
    volatile boolean discarded;

    Chat(int id, long accessHash, int date, long admin, long participant, Buffer gA) {
      this.id = id;
      this.accessHash = accessHash;
      this.date = date;
      this.admin = admin;
      this.participant = participant;
      this.gA = gA;
    }

    long other(long user) {
      return user == admin ? participant : admin;
    }

    /** The EncryptedChat as {@code viewer} sees it. */
    JsonObject view(long viewer) {
      JsonObject o = new JsonObject().put("id", id);
      if (discarded) {
        return o.put("_", "encryptedChatDiscarded");
      }
      o.put("access_hash", accessHash).put("date", date).put("admin_id", admin).put("participant_id", participant);
      if (gB != null) {
        return o.put("_", "encryptedChat").put("g_a_or_b", viewer == admin ? gB : gA).put("key_fingerprint", fingerprint);
      }
      return viewer == admin ? o.put("_", "encryptedChatWaiting") : o.put("_", "encryptedChatRequested").put("g_a", gA);
    }
  }

  /** The snapshot record type. */
  static final String RECORD = "secret_chat";

  private final Map<Integer, Chat> chats = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  Chat create(int date, long admin, long participant, Buffer gA) {
    Chat chat;
    do {
      chat = new Chat(random.nextInt(Integer.MAX_VALUE - 1) + 1, random.nextLong(), date, admin, participant, gA);
    } while (chats.putIfAbsent(chat.id, chat) != null);
    return chat;
  }

  /** The snapshot records of every chat ({@code secret_chat}). */
  List<JsonObject> records() {
    List<JsonObject> out = new ArrayList<>();
    Base64.Encoder b64 = Base64.getEncoder();
    chats.values().forEach(c -> {
      synchronized (c) { // accept sets gB and the fingerprint together
        out.add(new JsonObject().put("t", RECORD).put("id", c.id).put("access_hash", c.accessHash).put("date", c.date)
            .put("admin", c.admin).put("participant", c.participant).put("g_a", b64.encodeToString(c.gA.getBytes()))
            .put("g_b", c.gB == null ? null : b64.encodeToString(c.gB.getBytes())).put("fingerprint", c.fingerprint)
            .put("discarded", c.discarded));
      }
    });
    return out;
  }

  /** Restores a chat from its {@link #records()} record. */
  void restore(JsonObject r) {
    Base64.Decoder b64 = Base64.getDecoder();
    Chat c = new Chat(r.getInteger("id"), r.getLong("access_hash"), r.getInteger("date"), r.getLong("admin"),
        r.getLong("participant"), Buffer.buffer(b64.decode(r.getString("g_a"))));
    if (r.getString("g_b") != null) {
      c.gB = Buffer.buffer(b64.decode(r.getString("g_b")));
    }
    c.fingerprint = r.getLong("fingerprint");
    c.discarded = r.getBoolean("discarded");
    chats.put(c.id, c);
  }

  /** The chat of {@code user} with that id (and access_hash, unless null), or CHAT_ID_INVALID. */
  Chat find(long user, int id, Long accessHash) {
    Chat chat = chats.get(id);
    if (chat == null || chat.admin != user && chat.participant != user
        || accessHash != null && chat.accessHash != accessHash) {
      throw new RpcErrorException(400, "CHAT_ID_INVALID");
    }
    return chat;
  }
}
