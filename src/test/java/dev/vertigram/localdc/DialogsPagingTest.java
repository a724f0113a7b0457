package dev.vertigram.localdc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * messages.getDialogs paging over TCP with the raw test client: an owner with 252 dialogs (private chats, basic groups
 * and channels, interleaved) pages through them 100 at a time by offset_date / offset_id / offset_peer. The paging
 * test runs first: a later one writes to a dialog, which reorders the list.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DialogsPagingTest extends LocalDcTestBase {

  private static final int ROUNDS = 84;

  private static TestSession owner;
  private static TestSession helper;
  private static long ownerId;
  /** Every dialog the owner should have, as "u123", "c45" or "h1000000001". */
  private static final Set<String> expected = new LinkedHashSet<>();

  private static JsonObject signUp(TestSession s, String phone, String first) throws Exception {
    String hash = s.call(q("auth.sendCode").put("phone_number", phone).put("api_id", 1).put("api_hash", "x")
        .put("settings", q("codeSettings"))).getString("phone_code_hash");
    assertEquals("auth.authorizationSignUpRequired", s.call(q("auth.signIn").put("phone_number", phone)
        .put("phone_code_hash", hash).put("phone_code", "11111")).getString("_"));
    JsonObject auth = s.call(q("auth.signUp").put("phone_number", phone).put("phone_code_hash", hash)
        .put("first_name", first).put("last_name", ""));
    assertEquals("auth.authorization", auth.getString("_"), auth.encode());
    return auth.getJsonObject("user");
  }

  /** One private chat (a new user writes to the owner), one basic group and one channel per round. */
  @BeforeAll
  static void manyDialogs() throws Exception {
    LocalDcTestBase base = new LocalDcTestBase() { };
    owner = base.session();
    helper = base.session();
    ownerId = signUp(owner, "9996610001", "Owner").getLong("id");
    owner.call(q("account.updateUsername").put("username", "dialogs_owner"));
    for (int i = 0; i < ROUNDS; i++) {
      String phone = "999661" + (2000 + i);
      long userId = signUp(helper, phone, "User " + i).getLong("id");
      JsonObject ownerForUser = helper.call(q("contacts.resolveUsername").put("username", "dialogs_owner"))
          .getJsonArray("users").getJsonObject(0);
      helper.call(q("messages.sendMessage").put("peer", q("inputPeerUser").put("user_id", ownerId)
          .put("access_hash", ownerForUser.getLong("access_hash"))).put("message", "hi " + i).put("random_id", i + 1L));
      expected.add("u" + userId);

      JsonObject user = owner.call(q("contacts.importContacts").put("contacts", new JsonArray().add(
          q("inputPhoneContact").put("client_id", (long) i).put("phone", phone).put("first_name", "U")
              .put("last_name", "")))).getJsonArray("users").getJsonObject(0);
      JsonObject group = owner.call(q("messages.createChat").put("title", "group " + i).put("users", new JsonArray()
          .add(q("inputUser").put("user_id", userId).put("access_hash", user.getLong("access_hash")))));
      expected.add("c" + group.getJsonObject("updates").getJsonArray("chats").getJsonObject(0).getLong("id"));
      JsonObject channel = owner.call(q("channels.createChannel").put("title", "channel " + i).put("about", "")
          .put("megagroup", i % 2 == 0));
      expected.add("h" + channel.getJsonArray("chats").getJsonObject(0).getLong("id"));
    }
  }

  private static JsonObject getDialogs(int offsetDate, int offsetId, JsonObject offsetPeer, int limit)
      throws Exception {
    return owner.call(q("messages.getDialogs").put("offset_date", offsetDate).put("offset_id", offsetId)
        .put("offset_peer", offsetPeer).put("limit", limit).put("hash", 0L));
  }

  private static String key(JsonObject peer) {
    return switch (peer.getString("_")) {
      case "peerUser" -> "u" + peer.getLong("user_id");
      case "peerChat" -> "c" + peer.getLong("chat_id");
      default -> "h" + peer.getLong("channel_id");
    };
  }

  /** The top message of {@code dialog} among the page's messages. */
  private static JsonObject top(JsonObject page, JsonObject dialog) {
    for (Object o : page.getJsonArray("messages")) {
      JsonObject m = (JsonObject) o;
      if (m.getInteger("id").equals(dialog.getInteger("top_message"))
          && key(m.getJsonObject("peer_id")).equals(key(dialog.getJsonObject("peer")))) {
        return m;
      }
    }
    throw new AssertionError("no top message for " + dialog.encode());
  }

  /** The InputPeer of {@code dialog}'s peer, with the access hash the page gave. */
  private static JsonObject inputPeer(JsonObject page, JsonObject dialog) {
    JsonObject peer = dialog.getJsonObject("peer");
    String list = peer.containsKey("user_id") ? "users" : "chats";
    long id = peer.getLong(peer.containsKey("user_id") ? "user_id" : peer.containsKey("chat_id") ? "chat_id"
        : "channel_id");
    for (Object o : page.getJsonArray(list)) {
      JsonObject p = (JsonObject) o;
      if (p.getLong("id") == id) {
        return switch (peer.getString("_")) {
          case "peerUser" -> q("inputPeerUser").put("user_id", id).put("access_hash", p.getLong("access_hash"));
          case "peerChat" -> q("inputPeerChat").put("chat_id", id);
          default -> q("inputPeerChannel").put("channel_id", id).put("access_hash", p.getLong("access_hash"));
        };
      }
    }
    throw new AssertionError("the page lacks the peer of " + dialog.encode());
  }

  /** Users and chats of a page: exactly the dialogs' chats, their users and the messages' senders. */
  private static void onlyReferencedPeers(JsonObject page) {
    Set<String> dialogPeers = new HashSet<>();
    page.getJsonArray("dialogs").forEach(d -> dialogPeers.add(key(((JsonObject) d).getJsonObject("peer"))));
    Set<String> chats = new HashSet<>();
    page.getJsonArray("chats").forEach(c -> chats.add(("channel".equals(((JsonObject) c).getString("_")) ? "h" : "c")
        + ((JsonObject) c).getLong("id")));
    Set<String> dialogChats = new HashSet<>(dialogPeers);
    dialogChats.removeIf(k -> k.startsWith("u"));
    assertEquals(dialogChats, chats, "chats of the page's dialogs only");
    Set<String> users = new HashSet<>();
    page.getJsonArray("users").forEach(u -> users.add("u" + ((JsonObject) u).getLong("id")));
    Set<String> dialogUsers = new HashSet<>(dialogPeers);
    dialogUsers.removeIf(k -> !k.startsWith("u"));
    assertTrue(users.containsAll(dialogUsers), "every user dialog's user");
    users.removeAll(dialogUsers);
    users.remove("u" + ownerId);
    assertEquals(Set.of(), users, "no user outside the page's dialogs (but the owner, sender of its service messages)");
  }

  /** A dialog and the page that held it. */
  private record Listed(JsonObject dialog, JsonObject page) {
    String key() {
      return DialogsPagingTest.key(dialog.getJsonObject("peer"));
    }
  }

  /** Every dialog, paging 100 at a time from the last dialog of each page; checks each page on the way. */
  private static List<Listed> everyDialog(List<Integer> sizes) throws Exception {
    List<Listed> out = new ArrayList<>();
    int date = 0;
    int id = 0;
    JsonObject peer = q("inputPeerEmpty");
    while (true) {
      JsonObject page = getDialogs(date, id, peer, 100);
      assertEquals("messages.dialogsSlice", page.getString("_"), page.encode());
      assertEquals(expected.size(), page.getInteger("count"));
      JsonArray dialogs = page.getJsonArray("dialogs");
      assertEquals(dialogs.size(), page.getJsonArray("messages").size());
      if (dialogs.isEmpty()) {
        return out;
      }
      sizes.add(dialogs.size());
      onlyReferencedPeers(page);
      dialogs.forEach(d -> out.add(new Listed((JsonObject) d, page)));
      JsonObject last = dialogs.getJsonObject(dialogs.size() - 1);
      date = top(page, last).getInteger("date");
      id = last.getInteger("top_message");
      peer = inputPeer(page, last);
    }
  }

  @Test
  @Order(1)
  void pagesThroughEveryDialogInOrderWithoutGapsOrDuplicates() throws Exception {
    List<Integer> sizes = new ArrayList<>();
    List<Listed> all = everyDialog(sizes);
    assertEquals(List.of(100, 100, expected.size() - 200), sizes);
    long lastPosition = Long.MAX_VALUE;
    Set<String> seen = new HashSet<>();
    for (Listed l : all) {
      long position = ((long) top(l.page(), l.dialog()).getInteger("date") << 32)
          | l.dialog().getInteger("top_message");
      assertTrue(position <= lastPosition, "by top message date, then id, newest first: " + l.dialog().encode());
      lastPosition = position;
      assertTrue(seen.add(l.key()), "no duplicates: " + l.key());
    }
    assertEquals(expected, seen, "no gaps");
  }

  @Test
  @Order(2)
  void aNewMessageMovesItsDialogToTheTop() throws Exception {
    // the oldest basic group: its new message has the owner's highest box id, so it leads even within the same second
    Listed group = everyDialog(new ArrayList<>()).stream().filter(l -> l.key().startsWith("c"))
        .reduce((a, b) -> b).orElseThrow();
    owner.call(q("messages.sendMessage").put("peer", inputPeer(group.page(), group.dialog()))
        .put("message", "bump").put("random_id", 99_999L));
    JsonObject first = getDialogs(0, 0, q("inputPeerEmpty"), 1);
    assertEquals("messages.dialogsSlice", first.getString("_"));
    assertEquals(expected.size(), first.getInteger("count"));
    assertEquals(1, first.getJsonArray("dialogs").size());
    assertEquals(group.key(), key(first.getJsonArray("dialogs").getJsonObject(0).getJsonObject("peer")));
    assertEquals("bump", first.getJsonArray("messages").getJsonObject(0).getString("message"));
  }

  @Test
  void limitsFoldersAndOffsetPeersAsTelegram() throws Exception {
    assertEquals(100, getDialogs(0, 0, q("inputPeerEmpty"), 500).getJsonArray("dialogs").size(), "at most 100");
    assertEquals(20, getDialogs(0, 0, q("inputPeerEmpty"), 0).getJsonArray("dialogs").size(), "0: the default");
    JsonObject negative = getDialogs(0, 0, q("inputPeerEmpty"), -1);
    assertEquals("LIMIT_INVALID", negative.getString("error_message"), negative.encode());
    JsonObject badPeer = getDialogs((int) (System.currentTimeMillis() / 1000), 1,
        q("inputPeerUser").put("user_id", ownerId + 1_000_000).put("access_hash", 1L), 10);
    assertEquals("OFFSET_PEER_ID_INVALID", badPeer.getString("error_message"), badPeer.encode());
    JsonObject archive = owner.call(q("messages.getDialogs").put("folder_id", 1).put("offset_date", 0)
        .put("offset_id", 0).put("offset_peer", q("inputPeerEmpty")).put("limit", 10).put("hash", 0L));
    assertEquals("messages.dialogs", archive.getString("_"), "nothing archived");
    assertTrue(archive.getJsonArray("dialogs").isEmpty());
    JsonObject badFolder = owner.call(q("messages.getDialogs").put("folder_id", 7).put("offset_date", 0)
        .put("offset_id", 0).put("offset_peer", q("inputPeerEmpty")).put("limit", 10).put("hash", 0L));
    assertEquals("FOLDER_ID_INVALID", badFolder.getString("error_message"), badFolder.encode());
  }

  @Test
  void aListThatFitsIsWholeAndADateOffsetSkipsThatDate() throws Exception {
    // the helper is logged in as the last user: its chat with the owner and its group
    JsonObject whole = helper.call(q("messages.getDialogs").put("exclude_pinned", true).put("offset_date", 0)
        .put("offset_id", 0).put("offset_peer", q("inputPeerEmpty")).put("limit", 100).put("hash", 0L));
    assertEquals("messages.dialogs", whole.getString("_"), whole.encode());
    assertEquals(2, whole.getJsonArray("dialogs").size());
    assertFalse(whole.containsKey("count"));
    int newest = whole.getJsonArray("messages").getJsonObject(0).getInteger("date");
    JsonObject older = helper.call(q("messages.getDialogs").put("offset_date", newest + 1).put("offset_id", 0)
        .put("offset_peer", q("inputPeerEmpty")).put("limit", 100).put("hash", 0L));
    assertEquals(2, older.getJsonArray("dialogs").size(), "both before the next second");
    JsonObject none = helper.call(q("messages.getDialogs").put("offset_date", 1).put("offset_id", 0)
        .put("offset_peer", q("inputPeerEmpty")).put("limit", 100).put("hash", 0L));
    assertEquals("messages.dialogsSlice", none.getString("_"));
    assertEquals(2, none.getInteger("count"));
    assertTrue(none.getJsonArray("dialogs").isEmpty());
  }
}
