package dev.vertigram.localdc.impl;

import dev.vertigram.crypto.DhChecks;
import dev.vertigram.crypto.SecurityCheckException;
import dev.vertigram.localdc.world.World;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigInteger;

/**
 * The secret-chat relay: messages.getDhConfig (Telegram's 2048-bit prime, g = 3), request/accept/discardEncryption
 * with updateEncryption to the other side, sendEncrypted/sendEncryptedService/sendEncryptedFile relayed as
 * updateNewEncryptedMessage (with the receiver's qts) and readEncryptedHistory as updateEncryptedMessagesRead. The
 * server never sees the chat key: it checks the public DH values' range and relays opaque bytes.
 */
final class SecretChatMethods implements MethodRegistry.Area {

  /** The version of the only DH config served. */
  static final int DH_VERSION = 1;
  private static final JsonObject TRUE = new JsonObject().put("_", "boolTrue");
  private static final byte[] PRIME = unsigned(DhChecks.TELEGRAM_PRIME);

  @Override
  public void register(MethodRegistry registry) {
    registry.add("messages.getDhConfig", SecretChatMethods::getDhConfig)
        .add("messages.requestEncryption", SecretChatMethods::request)
        .add("messages.acceptEncryption", SecretChatMethods::accept)
        .add("messages.discardEncryption", SecretChatMethods::discard)
        .add("messages.sendEncrypted", call -> send(call, "encryptedMessage"))
        .add("messages.sendEncryptedService", call -> send(call, "encryptedMessageService"))
        .add("messages.sendEncryptedFile", call -> send(call, "encryptedMessage"))
        .add("messages.readEncryptedHistory", SecretChatMethods::read);
  }

  private static byte[] unsigned(BigInteger p) {
    byte[] b = p.toByteArray();
    return b.length == 256 ? b : java.util.Arrays.copyOfRange(b, b.length - 256, b.length);
  }

  private static Future<JsonObject> getDhConfig(RpcCall call) {
    int length = call.query().getInteger("random_length");
    if (length < 0 || length > 256) {
      throw new RpcErrorException(400, "RANDOM_LENGTH_INVALID");
    }
    byte[] random = new byte[length];
    call.dc().random().nextBytes(random);
    JsonObject out = new JsonObject().put("random", Buffer.buffer(random));
    if (call.query().getInteger("version") == DH_VERSION) {
      return Future.succeededFuture(out.put("_", "messages.dhConfigNotModified"));
    }
    return Future.succeededFuture(out.put("_", "messages.dhConfig").put("g", 3).put("p", Buffer.buffer(PRIME))
        .put("version", DH_VERSION));
  }

  private static Buffer checkDh(Buffer value, String error) {
    try {
      DhChecks.checkGa(new BigInteger(1, value.getBytes()), DhChecks.TELEGRAM_PRIME);
      return value;
    } catch (SecurityCheckException e) {
      throw new RpcErrorException(400, error);
    }
  }

  private static Future<JsonObject> request(RpcCall call) {
    long me = call.requireUser();
    JsonObject user = call.query().getJsonObject("user_id");
    if (!"inputUser".equals(user.getString("_")) || user.getLong("user_id") == me) {
      throw new RpcErrorException(400, "USER_ID_INVALID");
    }
    Buffer gA = checkDh(call.query().getBuffer("g_a"), "DH_G_A_INVALID");
    SecretChats.Chat chat = chats(call).create(now(call), me, user.getLong("user_id"), gA);
    push(call, chat.participant, update("updateEncryption").put("chat", chat.view(chat.participant))
        .put("date", now(call)));
    return Future.succeededFuture(chat.view(me));
  }

  private static Future<JsonObject> accept(RpcCall call) {
    long me = call.requireUser();
    SecretChats.Chat chat = chat(call, me, call.query().getJsonObject("peer"));
    synchronized (chat) {
      if (chat.participant != me || chat.gB != null || chat.discarded) {
        throw new RpcErrorException(400, chat.discarded ? "ENCRYPTION_DECLINED" : "ENCRYPTION_ALREADY_ACCEPTED");
      }
      chat.fingerprint = call.query().getLong("key_fingerprint");
      chat.gB = checkDh(call.query().getBuffer("g_b"), "DH_G_B_INVALID");
    }
    push(call, chat.admin, update("updateEncryption").put("chat", chat.view(chat.admin)).put("date", now(call)));
    return Future.succeededFuture(chat.view(me));
  }

  private static Future<JsonObject> discard(RpcCall call) {
    long me = call.requireUser();
    SecretChats.Chat chat = chats(call).find(me, call.query().getInteger("chat_id"), null);
    if (chat.discarded) {
      throw new RpcErrorException(400, "ENCRYPTION_ALREADY_DECLINED");
    }
    chat.discarded = true;
    push(call, chat.other(me), update("updateEncryption").put("chat", chat.view(chat.other(me)))
        .put("date", now(call)));
    return Future.succeededFuture(TRUE);
  }

  private static Future<JsonObject> send(RpcCall call, String kind) {
    long me = call.requireUser();
    JsonObject q = call.query();
    SecretChats.Chat chat = chat(call, me, q.getJsonObject("peer"));
    if (chat.discarded || chat.gB == null) {
      throw new RpcErrorException(400, "ENCRYPTION_DECLINED");
    }
    int date = now(call);
    JsonObject message = new JsonObject().put("_", kind).put("random_id", q.getLong("random_id"))
        .put("chat_id", chat.id).put("date", date).put("bytes", q.getBuffer("data"));
    JsonObject sent = new JsonObject().put("_", "messages.sentEncryptedMessage").put("date", date);
    if (q.containsKey("file")) {
      JsonObject file = EncryptedFiles.resolve(call, q.getJsonObject("file"));
      message.put("file", file);
      sent = new JsonObject().put("_", "messages.sentEncryptedFile").put("date", date).put("file", file);
    } else if ("encryptedMessage".equals(kind)) {
      message.put("file", new JsonObject().put("_", "encryptedFileEmpty"));
    }
    long other = chat.other(me);
    JsonObject update = update("updateNewEncryptedMessage").put("message", message);
    World w = call.social().world();
    w.locked(() -> w.user(other).mailbox().addQtsEvent(update));
    push(call, other, update.copy());
    return Future.succeededFuture(sent);
  }

  private static Future<JsonObject> read(RpcCall call) {
    long me = call.requireUser();
    SecretChats.Chat chat = chat(call, me, call.query().getJsonObject("peer"));
    push(call, chat.other(me), update("updateEncryptedMessagesRead").put("chat_id", chat.id)
        .put("max_date", call.query().getInteger("max_date")).put("date", now(call)));
    return Future.succeededFuture(TRUE);
  }

  private static SecretChats.Chat chat(RpcCall call, long me, JsonObject peer) {
    return chats(call).find(me, peer.getInteger("chat_id"), peer.getLong("access_hash"));
  }

  private static SecretChats chats(RpcCall call) {
    return call.dc().core().secretChats();
  }

  private static int now(RpcCall call) {
    return (int) call.dc().clock().seconds();
  }

  private static JsonObject update(String name) {
    return new JsonObject().put("_", name);
  }

  /** Pushes one update to every online session of {@code user}, in an {@code updates} envelope. */
  private static void push(RpcCall call, long user, JsonObject update) {
    JsonObject updates = new JsonObject().put("_", "updates").put("updates", new JsonArray().add(update))
        .put("users", new JsonArray()).put("chats", new JsonArray()).put("date", now(call)).put("seq", 0);
    call.social().deliver(null, java.util.List.of(new Social.Push(user, updates)));
  }
}
