package dev.vertigram.localdc.world;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@link World} as snapshot records, one JSON object each (a JSON line of the snapshot file): {@code "t"} names the
 * record ({@code world}: secret, next ids and who met whom; {@code user}, {@code chat}, {@code channel}: one object
 * with its message box). Bytes are base64. Encode a world nobody else touches ({@link World#copy()}, taken under the
 * world lock), or under the lock; decoding builds a new world.
 */
public final class WorldCodec {

  private WorldCodec() {
  }

  /** The records of {@code w}, world record first. Call under its lock unless it is a private copy. */
  public static List<JsonObject> encode(World w) {
    List<JsonObject> out = new ArrayList<>();
    JsonObject met = new JsonObject();
    w.met().forEach((id, others) -> met.put(Long.toString(id), new JsonArray(new ArrayList<>(others))));
    long[] next = w.nextIds();
    out.add(new JsonObject().put("t", "world").put("secret", b64(w.secret()))
        .put("next", new JsonArray().add(next[0]).add(next[1]).add(next[2])).put("met", met));
    w.users().forEach(u -> out.add(user(u)));
    w.chats().forEach(c -> out.add(new JsonObject().put("t", "chat").put("id", c.id()).put("title", c.title())
        .put("creator", c.creatorId()).put("date", c.date()).put("version", c.version())
        .put("members", members(c.members().values()))));
    w.channels().forEach(c -> out.add(new JsonObject().put("t", "channel").put("id", c.id()).put("title", c.title())
        .put("about", c.about()).put("megagroup", c.megagroup()).put("creator", c.creatorId()).put("date", c.date())
        .put("username", c.username()).put("members", members(c.members().values()))
        .put("box", c.mailbox().toJson())));
    return out;
  }

  /** A world from {@code records} (as {@link #encode} wrote them; the world record first). */
  public static World decode(List<JsonObject> records) {
    JsonObject head = records.get(0);
    if (!"world".equals(head.getString("t"))) {
      throw new IllegalArgumentException("snapshot: the world record must come first");
    }
    World w = new World(Base64.getDecoder().decode(head.getString("secret")));
    JsonArray next = head.getJsonArray("next");
    w.nextIds(new long[] {next.getLong(0), next.getLong(1), next.getLong(2)});
    head.getJsonObject("met").forEach(e -> {
      Set<Long> others = new HashSet<>();
      ((JsonArray) e.getValue()).forEach(o -> others.add(((Number) o).longValue()));
      w.met().put(Long.parseLong(e.getKey()), others);
    });
    for (JsonObject r : records.subList(1, records.size())) {
      switch (r.getString("t")) {
        case "user" -> w.restore(user(r));
        case "chat" -> {
          Chat c = new Chat(r.getLong("id"), r.getString("title"), r.getLong("creator"), r.getInteger("date"));
          readMembers(r, c.members());
          c.version(r.getInteger("version"));
          w.restore(c);
        }
        case "channel" -> {
          Channel c = new Channel(r.getLong("id"), r.getString("title"), r.getString("about"),
              r.getBoolean("megagroup"), r.getLong("creator"), r.getInteger("date"));
          c.username(r.getString("username"));
          readMembers(r, c.members());
          c.mailbox().restore(r.getJsonObject("box"));
          w.restore(c);
        }
        default -> throw new IllegalArgumentException("snapshot: unknown world record " + r.getString("t"));
      }
    }
    return w;
  }

  private static JsonObject user(User u) {
    JsonObject o = new JsonObject().put("t", "user").put("id", u.id()).put("phone", u.phone()).put("bot", u.bot())
        .put("bot_secret", u.botSecret()).put("home_dc", u.homeDc()).put("first_name", u.firstName())
        .put("last_name", u.lastName()).put("username", u.username()).put("about", u.about())
        .put("contacts", new JsonArray(new ArrayList<>(u.contacts()))).put("box", u.mailbox().toJson());
    Password p = u.password();
    if (p != null) {
      o.put("password", new JsonObject().put("salt1", b64(p.salt1())).put("salt2", b64(p.salt2()))
          .put("verifier", b64(p.verifier())).put("hint", p.hint()));
    }
    return o;
  }

  private static User user(JsonObject o) {
    User u = new User(o.getLong("id"), o.getString("phone"), o.getBoolean("bot"), o.getString("bot_secret"),
        o.getInteger("home_dc"), o.getString("first_name"));
    u.name(o.getString("first_name"), o.getString("last_name"));
    u.username(o.getString("username"));
    u.about(o.getString("about"));
    o.getJsonArray("contacts").forEach(c -> u.contacts().add(((Number) c).longValue()));
    JsonObject p = o.getJsonObject("password");
    if (p != null) {
      Base64.Decoder d = Base64.getDecoder();
      u.password(new Password(d.decode(p.getString("salt1")), d.decode(p.getString("salt2")),
          d.decode(p.getString("verifier")), p.getString("hint")));
    }
    u.mailbox().restore(o.getJsonObject("box"));
    return u;
  }

  private static JsonArray members(java.util.Collection<Chat.Member> members) {
    JsonArray a = new JsonArray();
    members.forEach(m -> a.add(new JsonArray().add(m.userId()).add(m.inviterId()).add(m.date())));
    return a;
  }

  private static void readMembers(JsonObject r, java.util.Map<Long, Chat.Member> into) {
    r.getJsonArray("members").forEach(m -> {
      JsonArray a = (JsonArray) m;
      into.put(a.getLong(0), new Chat.Member(a.getLong(0), a.getLong(1), a.getInteger(2)));
    });
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
