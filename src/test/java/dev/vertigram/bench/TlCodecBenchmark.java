package dev.vertigram.bench;

import dev.vertigram.tl.TlCodec;
import dev.vertigram.tl.TlReader;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * TL codec throughput: encoding a messages.sendMessage call, and decoding (and encoding, as the Local DC does) a
 * realistic messages.messages result (100 messages with entities, replies, forwards and photos, 20 users, 5 chats and
 * channels) as the answer to messages.getHistory. Target: ≥ 10,000 decodes/s on one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TlCodecBenchmark {

  private final TlCodec codec = TlCodec.api();
  private JsonObject sendMessage;
  private JsonObject historyJson;
  private byte[] history;

  @Setup
  public void setup() {
    sendMessage = sendMessage();
    historyJson = messagesMessages(100, 20, 5);
    history = codec.encode(historyJson).getBytes();
  }

  @Benchmark
  public Buffer encodeSendMessage() {
    return codec.encode(sendMessage);
  }

  @Benchmark
  public JsonObject decodeMessagesMessages() {
    return codec.decodeResult("messages.getHistory", new TlReader(history));
  }

  @Benchmark
  public Buffer encodeMessagesMessages() {
    return codec.encode(historyJson);
  }

  /** A messages.sendMessage with a reply, entities and a few flags, as a client would send it. */
  public static JsonObject sendMessage() {
    return new JsonObject().put("_", "messages.sendMessage").put("silent", true).put("clear_draft", true)
        .put("peer", new JsonObject().put("_", "inputPeerChannel").put("channel_id", 1234567890L)
            .put("access_hash", -4321987654321L))
        .put("reply_to", new JsonObject().put("_", "inputReplyToMessage").put("reply_to_msg_id", 4242))
        .put("message", "Hello **world**, see https://example.org and ping @someone about it!")
        .put("random_id", 0x1234567890abcdefL)
        .put("entities", new JsonArray()
            .add(entity("messageEntityBold", 6, 9))
            .add(entity("messageEntityUrl", 22, 19))
            .add(entity("messageEntityMention", 51, 8)));
  }

  /** A history page: messages by the users in a mix of chats, with their users and chats. */
  public static JsonObject messagesMessages(int messages, int users, int chats) {
    Random rnd = new Random(42);
    JsonArray list = new JsonArray();
    for (int i = 0; i < messages; i++) {
      list.add(message(rnd, i, users, chats));
    }
    JsonArray userList = new JsonArray();
    for (int i = 0; i < users; i++) {
      userList.add(user(rnd, i));
    }
    JsonArray chatList = new JsonArray();
    for (int i = 0; i < chats; i++) {
      chatList.add(i % 2 == 0 ? channel(rnd, i) : chat(rnd, i));
    }
    return new JsonObject().put("_", "messages.messages").put("messages", list).put("topics", new JsonArray())
        .put("chats", chatList).put("users", userList);
  }

  private static JsonObject message(Random rnd, int i, int users, int chats) {
    String text = "Message " + i + ": " + "lorem ipsum dolor sit amet ".repeat(1 + rnd.nextInt(6))
        + (i % 3 == 0 ? "https://example.org/page/" + i : "");
    JsonObject m = new JsonObject().put("_", "message").put("id", 100_000 + i)
        .put("from_id", peer("peerUser", "user_id", 1000L + rnd.nextInt(users)))
        .put("peer_id", chatPeer(rnd.nextInt(chats)))
        .put("date", 1_700_000_000 + i * 37).put("message", text)
        .put("entities", new JsonArray().add(entity("messageEntityBold", 0, 7))
            .add(entity("messageEntityItalic", 9, 5)).add(entity("messageEntityUrl", 12, 10)))
        .put("views", rnd.nextInt(100_000)).put("forwards", rnd.nextInt(100));
    if (i % 7 == 0) {
      m.put("out", true);
    }
    if (i % 2 == 0) {
      m.put("reply_to", new JsonObject().put("_", "messageReplyHeader").put("reply_to_msg_id", 100_000 + i - 1));
    }
    if (i % 10 == 0) {
      m.put("fwd_from", new JsonObject().put("_", "messageFwdHeader")
          .put("from_id", peer("peerChannel", "channel_id", 7_000_000_000L)).put("date", 1_690_000_000)
          .put("channel_post", 55));
    }
    if (i % 5 == 0) {
      m.put("media", new JsonObject().put("_", "messageMediaPhoto").put("photo", photo(rnd)));
    }
    if (i % 4 == 0) {
      m.put("edit_date", 1_700_000_500 + i);
    }
    return m;
  }

  private static JsonObject photo(Random rnd) {
    return new JsonObject().put("_", "photo").put("id", rnd.nextLong()).put("access_hash", rnd.nextLong())
        .put("file_reference", bytes(rnd, 29)).put("date", 1_699_000_000)
        .put("sizes", new JsonArray()
            .add(new JsonObject().put("_", "photoStrippedSize").put("type", "i").put("bytes", bytes(rnd, 120)))
            .add(new JsonObject().put("_", "photoSize").put("type", "m").put("w", 320).put("h", 240)
                .put("size", 20_000))
            .add(new JsonObject().put("_", "photoSize").put("type", "x").put("w", 800).put("h", 600)
                .put("size", 80_000)))
        .put("dc_id", 2);
  }

  private static JsonObject user(Random rnd, int i) {
    return new JsonObject().put("_", "user").put("id", 1000L + i)
        .put("access_hash", rnd.nextLong()).put("first_name", "First" + i).put("last_name", "Last" + i)
        .put("username", "user_" + i).put("phone", "1555000" + (1000 + i))
        .put("photo", new JsonObject().put("_", "userProfilePhoto").put("photo_id", rnd.nextLong())
            .put("stripped_thumb", bytes(rnd, 40)).put("dc_id", 2))
        .put("status", new JsonObject().put("_", "userStatusRecently"))
        .put("lang_code", "en");
  }

  private static JsonObject channel(Random rnd, int i) {
    return new JsonObject().put("_", "channel").put("megagroup", true).put("id", 5000L + i)
        .put("access_hash", rnd.nextLong()).put("title", "Channel " + i).put("username", "channel_" + i)
        .put("photo", chatPhoto(rnd)).put("date", 1_600_000_000).put("participants_count", 12345);
  }

  private static JsonObject chat(Random rnd, int i) {
    return new JsonObject().put("_", "chat").put("id", 5000L + i).put("title", "Group " + i)
        .put("photo", chatPhoto(rnd)).put("participants_count", 42).put("date", 1_600_000_000).put("version", 3);
  }

  private static JsonObject chatPhoto(Random rnd) {
    return new JsonObject().put("_", "chatPhoto").put("photo_id", rnd.nextLong())
        .put("stripped_thumb", bytes(rnd, 40)).put("dc_id", 2);
  }

  private static JsonObject chatPeer(int i) {
    return i % 2 == 0 ? peer("peerChannel", "channel_id", 5000L + i) : peer("peerChat", "chat_id", 5000L + i);
  }

  private static JsonObject peer(String type, String field, long id) {
    return new JsonObject().put("_", type).put(field, id);
  }

  private static JsonObject entity(String type, int offset, int length) {
    return new JsonObject().put("_", type).put("offset", offset).put("length", length);
  }

  private static Buffer bytes(Random rnd, int n) {
    byte[] b = new byte[n];
    rnd.nextBytes(b);
    return Buffer.buffer(b);
  }
}
