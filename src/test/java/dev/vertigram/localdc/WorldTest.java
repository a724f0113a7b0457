package dev.vertigram.localdc;

import dev.vertigram.crypto.Srp;
import dev.vertigram.localdc.world.World;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The social core end to end over TCP with the raw test client: login, 2FA, bots, peers, messages and updates. */
class WorldTest extends LocalDcTestBase {

  private static int phoneSeq = 1000;

  private static void error(JsonObject result, int code, String message) {
    assertEquals("rpc_error", result.getString("_"), result.encode());
    assertEquals(code, result.getInteger("error_code"), result.encode());
    assertEquals(message, result.getString("error_message"));
  }

  /** Signs up a new test number 999661YYYY on DC 1; returns the user object. */
  static JsonObject signUp(TestSession s, String first) throws Exception {
    String phone = "999661" + (phoneSeq++);
    JsonObject sent = s.call(q("auth.sendCode").put("phone_number", phone).put("api_id", 1).put("api_hash", "x")
        .put("settings", q("codeSettings")));
    String hash = sent.getString("phone_code_hash");
    error(s.call(q("auth.signIn").put("phone_number", phone).put("phone_code_hash", hash).put("phone_code", "22222")),
        400, "PHONE_CODE_INVALID");
    assertEquals("auth.authorizationSignUpRequired", s.call(q("auth.signIn").put("phone_number", phone)
        .put("phone_code_hash", hash).put("phone_code", "11111")).getString("_"));
    JsonObject auth = s.call(q("auth.signUp").put("phone_number", phone).put("phone_code_hash", hash)
        .put("first_name", first).put("last_name", ""));
    assertEquals("auth.authorization", auth.getString("_"), auth.encode());
    return auth.getJsonObject("user").put("phone", phone);
  }

  private static JsonObject inputPeer(JsonObject user) {
    return q("inputPeerUser").put("user_id", user.getLong("id")).put("access_hash", user.getLong("access_hash"));
  }

  private static JsonObject send(TestSession s, JsonObject peer, String text, long randomId) throws Exception {
    return s.call(q("messages.sendMessage").put("peer", peer).put("message", text).put("random_id", randomId));
  }

  @Test
  void twoUsersExchangeMessagesWithUpdatesAndDifference() throws Exception {
    TestSession a = session();
    TestSession b = session();
    JsonObject ua = signUp(a, "Alice");
    JsonObject ub = signUp(b, "Bob");
    assertEquals("updates.state", b.call(q("updates.getState")).getString("_"));
    a.call(q("account.updateUsername").put("username", "alice_" + ua.getLong("id")));
    JsonObject resolved = b.call(q("contacts.resolveUsername").put("username", "alice_" + ua.getLong("id")));
    JsonObject aliceForBob = resolved.getJsonArray("users").getJsonObject(0);
    // a's access hash for Bob is not valid for Alice's view
    error(send(a, q("inputPeerUser").put("user_id", ub.getLong("id")).put("access_hash", 1L), "hi", 5), 400,
        "PEER_ID_INVALID");
    error(send(a, inputPeer(aliceForBob).put("user_id", ub.getLong("id")), "hi", 5), 400, "PEER_ID_INVALID");
    error(send(b, inputPeer(aliceForBob), "", 6), 400, "MESSAGE_EMPTY");
    error(send(b, inputPeer(aliceForBob), "x".repeat(4097), 6), 400, "MESSAGE_TOO_LONG");

    JsonObject sent = send(b, inputPeer(aliceForBob), "hello Alice", 7);
    assertEquals("updateShortSentMessage", sent.getString("_"), sent.encode());
    assertEquals(1, sent.getInteger("pts_count"));
    assertEquals(sent.getInteger("id"), send(b, inputPeer(aliceForBob), "hello Alice", 7).getInteger("id"));
    // Alice never met Bob: a full updates with Bob's user
    JsonObject pushed = a.await(r -> "updates".equals(r.name())).body();
    JsonObject upd = pushed.getJsonArray("updates").getJsonObject(0);
    assertEquals("updateNewMessage", upd.getString("_"));
    assertEquals("hello Alice", upd.getJsonObject("message").getString("message"));
    assertEquals(ub.getLong("id"), pushed.getJsonArray("users").getJsonObject(0).getLong("id"));
    int alicePts = upd.getInteger("pts");
    JsonObject bobForAlice = pushed.getJsonArray("users").getJsonObject(0);

    // second message: updateShortMessage; then a dropped one recovered by getDifference
    send(b, inputPeer(aliceForBob), "second", 8);
    JsonObject shortMsg = a.await(r -> "updateShortMessage".equals(r.name())).body();
    assertEquals(alicePts + 1, shortMsg.getInteger("pts"));
    assertEquals(ub.getLong("id"), shortMsg.getLong("user_id"));
    dc.faults().dropUpdates(1);
    send(b, inputPeer(aliceForBob), "lost", 9);
    send(b, inputPeer(aliceForBob), "after", 10);
    JsonObject after = a.await(r -> "updateShortMessage".equals(r.name())).body();
    assertEquals(alicePts + 3, after.getInteger("pts"), "a gap of one");
    JsonObject diff = a.call(q("updates.getDifference").put("pts", alicePts + 1).put("date", 0).put("qts", 0));
    assertEquals("updates.difference", diff.getString("_"), diff.encode());
    assertEquals("lost", diff.getJsonArray("new_messages").getJsonObject(0).getString("message"));
    assertEquals(alicePts + 3, diff.getJsonObject("state").getInteger("pts"));
    assertEquals("updates.differenceEmpty", a.call(q("updates.getDifference").put("pts", alicePts + 3)
        .put("date", 0).put("qts", 0)).getString("_"));
    assertEquals("updates.differenceTooLong", a.call(q("updates.getDifference").put("pts", 0)
        .put("pts_total_limit", 1).put("date", 0).put("qts", 0)).getString("_"));

    // Alice answers: Bob gets updateShortMessage, the history has 5 messages
    send(a, inputPeer(bobForAlice), "hi Bob", 11);
    assertEquals("hi Bob", b.await(r -> "updateShortMessage".equals(r.name())).body().getString("message"));
    JsonObject history = a.call(q("messages.getHistory").put("peer", inputPeer(bobForAlice)).put("offset_id", 0)
        .put("offset_date", 0).put("add_offset", 0).put("limit", 10).put("max_id", 0).put("min_id", 0)
        .put("hash", 0L));
    assertEquals(5, history.getJsonArray("messages").size(), history.encode());
    assertEquals("hi Bob", history.getJsonArray("messages").getJsonObject(0).getString("message"));
    error(a.call(q("messages.getHistory").put("peer", inputPeer(bobForAlice)).put("offset_id", 0)
        .put("offset_date", 0).put("add_offset", 0).put("limit", -1).put("max_id", 0).put("min_id", 0)
        .put("hash", 0L)), 400, "LIMIT_INVALID");
    JsonObject dialogs = a.call(q("messages.getDialogs").put("offset_date", 0).put("offset_id", 0)
        .put("offset_peer", q("inputPeerEmpty")).put("limit", 10).put("hash", 0L));
    assertEquals(1, dialogs.getJsonArray("dialogs").size(), dialogs.encode());
    assertEquals("messages.affectedMessages", a.call(q("messages.readHistory").put("peer", inputPeer(bobForAlice))
        .put("max_id", 0)).getString("_"));
    assertEquals("updateReadHistoryOutbox", b.await(r -> "updates".equals(r.name())).body().getJsonArray("updates")
        .getJsonObject(0).getString("_"));
  }

  @Test
  void channelWithMinUsersAndChannelDifference() throws Exception {
    TestSession a = session();
    TestSession b = session();
    TestSession c = session();
    signUp(a, "Owner");
    JsonObject ub = signUp(b, "Member");
    JsonObject uc = signUp(c, "Other");
    JsonObject created = a.call(q("channels.createChannel").put("megagroup", true).put("title", "Group")
        .put("about", ""));
    assertEquals("updates", created.getString("_"), created.encode());
    JsonObject ch = created.getJsonArray("chats").getJsonObject(0);
    JsonObject inputChannel = q("inputChannel").put("channel_id", ch.getLong("id"))
        .put("access_hash", ch.getLong("access_hash"));
    // Owner can reach b and c only through their usernames
    b.call(q("account.updateUsername").put("username", "member_" + ub.getLong("id")));
    c.call(q("account.updateUsername").put("username", "other_" + uc.getLong("id")));
    JsonArray users = new JsonArray();
    for (String name : new String[] {"member_" + ub.getLong("id"), "other_" + uc.getLong("id")}) {
      JsonObject u = a.call(q("contacts.resolveUsername").put("username", name)).getJsonArray("users")
          .getJsonObject(0);
      users.add(q("inputUser").put("user_id", u.getLong("id")).put("access_hash", u.getLong("access_hash")));
    }
    JsonObject invited = a.call(q("channels.inviteToChannel").put("channel", inputChannel).put("users", users));
    assertEquals("messages.invitedUsers", invited.getString("_"), invited.encode());
    JsonObject bJoined = b.await(r -> "updates".equals(r.name())).body();
    JsonObject chForB = bJoined.getJsonArray("chats").getJsonObject(0);
    JsonObject bChannel = q("inputChannel").put("channel_id", chForB.getLong("id"))
        .put("access_hash", chForB.getLong("access_hash"));
    // the owner's access hash is not valid for c
    error(c.call(q("channels.getFullChannel").put("channel", inputChannel)), 400, "CHANNEL_INVALID");
    c.await(r -> "updates".equals(r.name()));

    JsonObject sent = b.call(q("messages.sendMessage").put("peer", q("inputPeerChannel")
        .put("channel_id", chForB.getLong("id")).put("access_hash", chForB.getLong("access_hash")))
        .put("message", "hello group").put("random_id", 42L));
    assertEquals("updateMessageID", sent.getJsonArray("updates").getJsonObject(0).getString("_"), sent.encode());
    JsonObject atC = c.await(r -> "updates".equals(r.name())
        && r.body().getJsonArray("updates").getJsonObject(0).getString("_").equals("updateNewChannelMessage")).body();
    JsonObject sender = atC.getJsonArray("users").getJsonObject(0);
    assertTrue(sender.getBoolean("min", false), "c never met b: min user " + sender.encode());
    JsonObject atA = a.await(r -> "updates".equals(r.name())
        && r.body().getJsonArray("updates").getJsonObject(0).getString("_").equals("updateNewChannelMessage")).body();
    assertTrue(!atA.getJsonArray("users").getJsonObject(0).getBoolean("min", false), "a resolved b: full user");

    JsonObject cd = b.call(q("updates.getChannelDifference").put("channel", bChannel)
        .put("filter", q("channelMessagesFilterEmpty")).put("pts", 1).put("limit", 10));
    assertEquals("updates.channelDifference", cd.getString("_"), cd.encode());
    assertEquals("hello group", cd.getJsonArray("new_messages").getJsonObject(0).getString("message"));
    JsonObject participants = b.call(q("channels.getParticipants").put("channel", bChannel)
        .put("filter", q("channelParticipantsRecent")).put("offset", 0).put("limit", 10).put("hash", 0L));
    assertEquals(3, participants.getInteger("count"));
  }

  /** auth.checkPassword with the SRP answer for {@code password} (the result or rpc_error). */
  static JsonObject checkPassword(TestSession t, String password) throws Exception {
    JsonObject state = t.call(q("account.getPassword"));
    JsonObject cur = state.getJsonObject("current_algo");
    Srp.SrpAnswer answer = Srp.answer(password.getBytes(StandardCharsets.UTF_8), cur.getBinary("salt1"),
        cur.getBinary("salt2"), cur.getInteger("g"), cur.getBinary("p"), state.getBinary("srp_B"),
        new java.security.SecureRandom());
    return t.call(q("auth.checkPassword").put("password", q("inputCheckPasswordSRP")
        .put("srp_id", state.getLong("srp_id")).put("A", Buffer.buffer(answer.a()))
        .put("M1", Buffer.buffer(answer.m1()))));
  }

  @Test
  void twoFactorLoginWithRealSrp() throws Exception {
    TestSession s = session();
    JsonObject user = signUp(s, "Secret");
    JsonObject pw = s.call(q("account.getPassword"));
    JsonObject algo = pw.getJsonObject("new_algo");
    byte[] salt1 = Buffer.buffer(algo.getBinary("salt1")).appendBytes(new byte[] {1, 2, 3, 4}).getBytes();
    byte[] salt2 = algo.getBinary("salt2");
    byte[] p = algo.getBinary("p");
    byte[] password = "hunter2".getBytes(StandardCharsets.UTF_8);
    byte[] v = Srp.verifier(password, salt1, salt2, 3, p);
    JsonObject newAlgo = algo.copy().put("salt1", Buffer.buffer(salt1));
    assertEquals("boolTrue", s.call(q("account.updatePasswordSettings").put("password", q("inputCheckPasswordEmpty"))
        .put("new_settings", q("account.passwordInputSettings").put("new_algo", newAlgo)
            .put("new_password_hash", Buffer.buffer(v)).put("hint", "h"))).getString("_"));

    TestSession t = session();
    String phone = user.getString("phone");
    String hash = t.call(q("auth.sendCode").put("phone_number", phone).put("api_id", 1).put("api_hash", "x")
        .put("settings", q("codeSettings"))).getString("phone_code_hash");
    error(t.call(q("auth.signIn").put("phone_number", phone).put("phone_code_hash", hash).put("phone_code", "11111")),
        401, "SESSION_PASSWORD_NEEDED");
    for (String attempt : new String[] {"wrong", "hunter2"}) {
      JsonObject check = checkPassword(t, attempt);
      if (attempt.equals("wrong")) {
        error(check, 400, "PASSWORD_HASH_INVALID");
      } else {
        assertEquals(user.getLong("id"), check.getJsonObject("user").getLong("id"), check.encode());
      }
    }
  }

  @Test
  void botsMigrationAndRevoke() throws Exception {
    TestSession s = session();
    JsonObject bot = s.call(q("auth.importBotAuthorization").put("flags", 0).put("api_id", 1).put("api_hash", "x")
        .put("bot_auth_token", "123456:secret-secret"));
    assertTrue(bot.getJsonObject("user").getBoolean("bot"), bot.encode());
    error(session().call(q("auth.importBotAuthorization").put("flags", 0).put("api_id", 1).put("api_hash", "x")
        .put("bot_auth_token", "123456:other-secret")), 400, "ACCESS_TOKEN_INVALID");
    error(session().call(q("auth.sendCode").put("phone_number", "9996621234").put("api_id", 1).put("api_hash", "x")
        .put("settings", q("codeSettings"))), 303, "PHONE_MIGRATE_2");

    TestSession one = session();
    TestSession two = session();
    JsonObject u = signUp(one, "Multi");
    String phone = u.getString("phone");
    String hash = two.call(q("auth.sendCode").put("phone_number", phone).put("api_id", 1).put("api_hash", "x")
        .put("settings", q("codeSettings"))).getString("phone_code_hash");
    two.call(q("auth.signIn").put("phone_number", phone).put("phone_code_hash", hash).put("phone_code", "11111"));
    JsonArray auths = two.call(q("account.getAuthorizations")).getJsonArray("authorizations");
    assertEquals(2, auths.size());
    assertEquals("boolTrue", two.call(q("auth.resetAuthorizations")).getString("_"));
    error(one.call(q("updates.getState")), 401, "SESSION_REVOKED");
    assertEquals("updates.state", two.call(q("updates.getState")).getString("_"));
    assertEquals("auth.loggedOut", two.call(q("auth.logOut")).getString("_"));
    error(two.call(q("updates.getState")), 401, "AUTH_KEY_UNREGISTERED");
    assertTrue(World.validUsername("abcde") && !World.validUsername("ab"));
  }
}
