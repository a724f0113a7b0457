package dev.vertigram.localdc.world;

import dev.vertigram.crypto.DhChecks;
import dev.vertigram.crypto.HmacSha256;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Everything the Local DC knows about people and conversations, shared by all its DCs: users, basic groups,
 * channels, usernames, contacts and message boxes.
 *
 * <p>Threading: the DCs run on several event loops, so the whole world is guarded by ONE lock, this object's monitor.
 * Every read or change of the world or of any object reached from it ({@link User}, {@link Chat}, {@link Channel},
 * {@link Mailbox}) happens inside {@link #locked(Supplier)} (or a {@code synchronized} method of this class). Work
 * done under the lock is short and never blocks (no I/O, no futures); results that leave the lock are copies (TL
 * JSON built inside it). {@link #accessHash} needs no lock.
 *
 * <p>Ids: people get ids from 1,000,000 up, bots the id of their token, basic groups from 1,000 up, channels from
 * 1,000,000,000 up. access_hash of peer P for viewer V = HMAC-SHA256(server secret, V ‖ kind ‖ P) truncated to 64
 * bits: stable, different per viewer, and unforgeable without the secret.
 */
public final class World {

  /** The SRP generator of 2FA passwords (p is Telegram's 2048-bit safe prime). */
  public static final int SRP_G = 3;
  private static final int ACCESS_HASHES_KEPT = 1 << 16;
  private static final Pattern USERNAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{3,31}");

  /** Peer kinds for access hashes and peer keys. */
  public enum Kind { USER, CHAT, CHANNEL }

  private final byte[] secret;
  /** HMAC-SHA256 under {@link #secret} (access hashes are computed on every peer check). */
  private final HmacSha256 hmac;
  /** Access hashes computed lately; cleared when {@link #ACCESS_HASHES_KEPT} are kept (about 100 bytes each). */
  private final Map<AccessKey, Long> accessHashes = new ConcurrentHashMap<>();
  private final Map<Long, User> users = new HashMap<>();
  private final Map<String, User> byPhone = new HashMap<>();
  private final Map<String, Object> byUsername = new HashMap<>();
  private final Map<Long, Chat> chats = new TreeMap<>();
  private final Map<Long, Channel> channels = new TreeMap<>();
  private final Map<Long, java.util.Set<Long>> met = new HashMap<>();
  private long nextUserId = 1_000_000;
  private long nextChatId = 1_000;
  private long nextChannelId = 1_000_000_000;

  /** A world with a fresh random server secret. */
  public World() {
    this(randomSecret());
  }

  /** A world whose access hashes derive from {@code secret} (keep it across restarts with a snapshot). */
  public World(byte[] secret) {
    this.secret = secret.clone();
    this.hmac = new HmacSha256(secret);
  }

  private static byte[] randomSecret() {
    byte[] s = new byte[32];
    new SecureRandom().nextBytes(s);
    return s;
  }

  /** Runs {@code action} under the world lock. */
  public synchronized <T> T locked(Supplier<T> action) {
    return action.get();
  }

  /** p of the 2FA SRP group, 256 bytes big-endian. */
  public static byte[] srpPrime() {
    byte[] p = DhChecks.TELEGRAM_PRIME.toByteArray();
    return p.length == 256 ? p : java.util.Arrays.copyOfRange(p, p.length - 256, p.length);
  }

  /**
   * The access_hash of peer {@code peerId} of {@code kind} for {@code viewer}. Lock-free. Every peer check and every
   * user or channel object sent computes one, so the last ones computed are kept.
   */
  public long accessHash(long viewer, Kind kind, long peerId) {
    AccessKey key = new AccessKey(viewer, kind, peerId);
    Long known = accessHashes.get(key);
    if (known != null) {
      return known;
    }
    long hash = ByteBuffer.wrap(hmac.mac(ByteBuffer.allocate(17).putLong(viewer).put((byte) kind.ordinal())
        .putLong(peerId).array())).getLong();
    if (accessHashes.size() >= ACCESS_HASHES_KEPT) {
      accessHashes.clear();
    }
    accessHashes.put(key, hash);
    return hash;
  }

  /** A (viewer, peer) pair of {@link #accessHash}. */
  private record AccessKey(long viewer, Kind kind, long peerId) {
  }

  /** A secret for another purpose derived from the server secret (stable across snapshots). Lock-free. */
  public byte[] derivedSecret(String purpose) {
    return hmac.mac(purpose.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** A stable key naming a peer inside a box ("u123", "c45", "h1000000001"). */
  public static String peerKey(Kind kind, long id) {
    return switch (kind) {
      case USER -> "u" + id;
      case CHAT -> "c" + id;
      case CHANNEL -> "h" + id;
    };
  }

  // ---- users (call under the lock) ----

  public User user(long id) {
    return users.get(id);
  }

  public Collection<User> users() {
    return users.values();
  }

  /** The person with that phone number (digits only), or null. */
  public User userByPhone(String phone) {
    return byPhone.get(phone);
  }

  /** Creates a person living on DC {@code homeDc}. */
  public User createUser(String phone, String firstName, String lastName, int homeDc) {
    User u = new User(nextUserId++, phone, false, null, homeDc, firstName);
    u.name(firstName, lastName);
    users.put(u.id(), u);
    byPhone.put(phone, u);
    return u;
  }

  /** A person with a chosen id and no phone (the {@code LocalDc.authorize} test hook); the existing one if any. */
  public User userWithId(long id, int homeDc) {
    return users.computeIfAbsent(id, k -> new User(id, null, false, null, homeDc, "User " + id));
  }

  /** Creates the bot of token {@code <id>:<secret>}. */
  public User createBot(long id, String botSecret, int homeDc) {
    User u = new User(id, null, true, botSecret, homeDc, "Bot " + id);
    users.put(id, u);
    return u;
  }

  /** Whether {@code viewer} has met user {@code other} (self, contact, dialog, shared chat): full vs min objects. */
  public boolean knows(long viewer, long other) {
    return viewer == other || met.getOrDefault(viewer, java.util.Set.of()).contains(other);
  }

  /** Records that {@code a} and {@code b} met (a message between them, a shared basic group, a contact). */
  public void meet(long a, long b) {
    met.computeIfAbsent(a, k -> new java.util.HashSet<>()).add(b);
    met.computeIfAbsent(b, k -> new java.util.HashSet<>()).add(a);
  }

  /** Records that {@code viewer} learned of {@code other} (username resolution): one way. */
  public void learn(long viewer, long other) {
    met.computeIfAbsent(viewer, k -> new java.util.HashSet<>()).add(other);
  }

  // ---- usernames ----

  /** Whether {@code name} is a syntactically valid username (5..32 chars, letter first). */
  public static boolean validUsername(String name) {
    return USERNAME.matcher(name).matches() && !name.endsWith("_") && !name.contains("__");
  }

  /** The {@link User} or {@link Channel} with that username (case-insensitive), or null. */
  public Object byUsername(String name) {
    return byUsername.get(name.toLowerCase(Locale.ROOT));
  }

  /**
   * Sets (or clears, with an empty name) the username of a user or channel; false when another peer holds it. The
   * caller checks {@link #validUsername} first.
   */
  public boolean setUsername(Object owner, String name) {
    String key = name.toLowerCase(Locale.ROOT);
    Object holder = name.isEmpty() ? null : byUsername.get(key);
    if (holder != null && holder != owner) {
      return false;
    }
    String old = owner instanceof User u ? u.username() : ((Channel) owner).username();
    if (old != null) {
      byUsername.remove(old.toLowerCase(Locale.ROOT));
    }
    String value = name.isEmpty() ? null : name;
    if (value != null) {
      byUsername.put(key, owner);
    }
    if (owner instanceof User u) {
      u.username(value);
    } else {
      ((Channel) owner).username(value);
    }
    return true;
  }

  // ---- groups ----

  public Chat chat(long id) {
    return chats.get(id);
  }

  public Chat createChat(String title, long creatorId, int date) {
    Chat c = new Chat(nextChatId++, title, creatorId, date);
    c.addMember(creatorId, creatorId, date);
    chats.put(c.id(), c);
    return c;
  }

  public Channel channel(long id) {
    return channels.get(id);
  }

  public Channel createChannel(String title, String about, boolean megagroup, long creatorId, int date) {
    Channel c = new Channel(nextChannelId++, title, about, megagroup, creatorId, date);
    c.members().put(creatorId, new Chat.Member(creatorId, creatorId, date));
    channels.put(c.id(), c);
    return c;
  }

  /** Basic groups {@code userId} is a member of. */
  public java.util.List<Chat> chatsOf(long userId) {
    return chats.values().stream().filter(c -> c.members().containsKey(userId)).toList();
  }

  // ---- snapshots (see WorldCodec) ----

  /**
   * A consistent copy of this world for a snapshot, to encode outside the lock: containers are copied (time linear in
   * the number of objects, no message is copied, see {@link Mailbox#copy()}). Call under the lock.
   */
  public World copy() {
    World c = new World(secret);
    users.values().forEach(u -> c.restore(u.copy()));
    chats.values().forEach(ch -> c.restore(ch.copy()));
    channels.values().forEach(ch -> c.restore(ch.copy()));
    met.forEach((id, others) -> c.met.put(id, new java.util.HashSet<>(others)));
    c.nextIds(nextIds());
    return c;
  }

  byte[] secret() {
    return secret.clone();
  }

  Map<Long, java.util.Set<Long>> met() {
    return met;
  }

  Collection<Chat> chats() {
    return chats.values();
  }

  Collection<Channel> channels() {
    return channels.values();
  }

  /** The next user, chat and channel ids. */
  long[] nextIds() {
    return new long[] {nextUserId, nextChatId, nextChannelId};
  }

  void nextIds(long[] ids) {
    nextUserId = ids[0];
    nextChatId = ids[1];
    nextChannelId = ids[2];
  }

  /** Adds a user read from a snapshot, with its phone and username indexed. */
  void restore(User u) {
    users.put(u.id(), u);
    if (u.phone() != null) {
      byPhone.put(u.phone(), u);
    }
    if (u.username() != null) {
      byUsername.put(u.username().toLowerCase(Locale.ROOT), u);
    }
  }

  void restore(Chat c) {
    chats.put(c.id(), c);
  }

  void restore(Channel c) {
    channels.put(c.id(), c);
    if (c.username() != null) {
      byUsername.put(c.username().toLowerCase(Locale.ROOT), c);
    }
  }

  /** Channels {@code userId} is a member of. */
  public java.util.List<Channel> channelsOf(long userId) {
    return channels.values().stream().filter(c -> c.members().containsKey(userId)).toList();
  }
}
