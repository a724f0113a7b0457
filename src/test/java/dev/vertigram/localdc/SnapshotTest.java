package dev.vertigram.localdc;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Snapshots (a restart keeps accounts, keys, messages and files) and the accounts created in advance. */
class SnapshotTest {

  @TempDir
  Path dir;
  Vertx vertx;
  LocalDc dc;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void tearDown() throws Exception {
    if (dc != null) {
      get(dc.close().map(v -> null));
    }
    get(vertx.close().map(v -> null));
  }

  private static <T> T get(io.vertx.core.Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private LocalDc start(JsonArray accounts) throws Exception {
    dc = get(LocalDc.start(vertx, new LocalDcOptions().ephemeralPorts(1, 2).stateDir(dir.toString())
        .rsaKeyFile(dir.resolve("rsa.pem").toString()).snapshot(true).accounts(accounts)));
    return dc;
  }

  private void restart(JsonArray accounts) throws Exception {
    get(dc.close());
    dc = null;
    start(accounts);
  }

  private TestSession session() throws Exception {
    return TestSession.create(TestConnection.open(vertx, dc.endpoints().get(0)), dc, 1);
  }

  private static JsonObject q(String method) {
    return new JsonObject().put("_", method);
  }

  private static JsonObject peer(JsonObject user) {
    return q("inputPeerUser").put("user_id", user.getLong("id")).put("access_hash", user.getLong("access_hash"));
  }

  private static JsonObject history(TestSession s, JsonObject peer) throws Exception {
    return s.call(q("messages.getHistory").put("peer", peer).put("offset_id", 0).put("offset_date", 0)
        .put("add_offset", 0).put("limit", 10).put("max_id", 0).put("min_id", 0).put("hash", 0L));
  }

  @Test
  void restartKeepsUsersHashesHistoryFilesAndLogins() throws Exception {
    start(new JsonArray());
    TestSession a = session();
    TestSession b = session();
    JsonObject ua = WorldTest.signUp(a, "Alice");
    WorldTest.signUp(b, "Bob");
    b.call(q("account.updateUsername").put("username", "bob_snap"));
    JsonObject bobForAlice = a.call(q("contacts.resolveUsername").put("username", "bob_snap"))
        .getJsonArray("users").getJsonObject(0);
    a.call(q("messages.sendMessage").put("peer", peer(bobForAlice)).put("message", "before").put("random_id", 1L));
    JsonObject state = b.call(q("updates.getState"));
    byte[] data = FilesTest.random(700_000);
    JsonObject media = a.call(FilesTest.document(FilesTest.upload(a, data, false, md5(data)), "application/zip"));
    JsonObject document = media.getJsonObject("document");

    restart(new JsonArray());
    assertEquals("0600", perms(dir.resolve("snapshot/state.jsonl")));
    TestSession a2 = a.sibling(TestConnection.open(vertx, dc.endpoints().get(0)));
    TestSession b2 = b.sibling(TestConnection.open(vertx, dc.endpoints().get(0)));
    JsonObject self = a2.call(q("users.getFullUser").put("id", q("inputUserSelf"))).getJsonArray("users")
        .getJsonObject(0);
    assertEquals(ua.getLong("id"), self.getLong("id"), self.encode());
    JsonObject again = a2.call(q("contacts.resolveUsername").put("username", "bob_snap"))
        .getJsonArray("users").getJsonObject(0);
    assertEquals(bobForAlice.getLong("access_hash"), again.getLong("access_hash"));
    JsonObject h = history(a2, peer(again));
    assertEquals("before", h.getJsonArray("messages").getJsonObject(0).getString("message"), h.encode());
    assertEquals(state.getInteger("pts"), b2.call(q("updates.getState")).getInteger("pts"));
    a2.call(q("messages.sendMessage").put("peer", peer(again)).put("message", "after").put("random_id", 2L));
    assertEquals(state.getInteger("pts") + 1, b2.call(q("updates.getState")).getInteger("pts"));
    assertArrayEquals(data, FilesTest.download(a2, FilesTest.location(document)));
  }

  @Test
  void accountsCreatedInAdvanceOnceAndKeptBySnapshots() throws Exception {
    JsonArray accounts = new JsonArray()
        .add(new JsonObject().put("phone", "+999 66 2 0001").put("first_name", "Pre").put("username", "pre_made")
            .put("password", "secret").put("home_dc", 1))
        .add(new JsonObject().put("bot_token", "777000111:abcdef").put("first_name", "Robo")
            .put("username", "robo_bot"));
    start(accounts);
    TestSession s = session();
    WorldTest.signUp(s, "Viewer");
    JsonObject pre = s.call(q("contacts.resolveUsername").put("username", "pre_made")).getJsonArray("users")
        .getJsonObject(0);
    assertEquals("Pre", pre.getString("first_name"));
    assertEquals(777000111L, s.call(q("contacts.resolveUsername").put("username", "robo_bot"))
        .getJsonArray("users").getJsonObject(0).getLong("id"));
    TestSession login = session();
    JsonObject sent = login.call(q("auth.sendCode").put("phone_number", "9996620001").put("api_id", 1)
        .put("api_hash", "x").put("settings", q("codeSettings")));
    JsonObject signIn = login.call(q("auth.signIn").put("phone_number", "9996620001")
        .put("phone_code_hash", sent.getString("phone_code_hash")).put("phone_code", "22222"));
    assertEquals("SESSION_PASSWORD_NEEDED", signIn.getString("error_message"), signIn.encode());

    restart(accounts);
    TestSession s2 = s.sibling(TestConnection.open(vertx, dc.endpoints().get(0)));
    assertEquals(pre.getLong("id"), s2.call(q("contacts.resolveUsername").put("username", "pre_made"))
        .getJsonArray("users").getJsonObject(0).getLong("id"));
    // the key that was waiting for the 2FA password still is
    TestSession login2 = login.sibling(TestConnection.open(vertx, dc.endpoints().get(0)));
    assertEquals(pre.getLong("id"), WorldTest.checkPassword(login2, "secret").getJsonObject("user").getLong("id"));
  }

  @Test
  void restartKeepsSecretChatsLoginTokensCodesExportsAndRevokedKeys() throws Exception {
    start(new JsonArray());
    TestSession a = session();
    TestSession b = session();
    JsonObject ua = WorldTest.signUp(a, "Ann");
    JsonObject ub = WorldTest.signUp(b, "Bea");
    b.call(q("updates.getState"));
    JsonObject waiting = a.call(q("messages.requestEncryption").put("user_id", q("inputUser")
        .put("user_id", ub.getLong("id")).put("access_hash", 0L)).put("random_id", 1).put("g_a", SecretChatRelayTest.dh()));
    JsonObject peer = q("inputEncryptedChat").put("chat_id", waiting.getInteger("id"))
        .put("access_hash", waiting.getLong("access_hash"));
    assertEquals("encryptedChat", b.call(q("messages.acceptEncryption").put("peer", peer)
        .put("g_b", SecretChatRelayTest.dh()).put("key_fingerprint", 77L)).getString("_"));
    TestSession desktop = session();
    JsonObject token = QrLoginTest.export(desktop);
    a.call(q("auth.acceptLoginToken").put("token", token.getBuffer("token")));
    JsonObject export = a.call(q("auth.exportAuthorization").put("dc_id", 2));
    TestSession revoked = TestSession.create(TestConnection.open(vertx, dc.endpoints().get(1)), dc, 2);
    assertEquals("auth.authorization", revoked.call(q("auth.importAuthorization").put("id", ua.getLong("id"))
        .put("bytes", a.call(q("auth.exportAuthorization").put("dc_id", 2)).getBuffer("bytes"))).getString("_"));
    assertEquals("boolTrue", a.call(q("auth.resetAuthorizations")).getString("_"));
    TestSession newcomer = session();
    String hash = newcomer.call(q("auth.sendCode").put("phone_number", "9996615555").put("api_id", 1)
        .put("api_hash", "x").put("settings", q("codeSettings"))).getString("phone_code_hash");

    restart(new JsonArray());
    TestSession a2 = a.sibling(TestConnection.open(vertx, dc.endpoints().get(0)));
    TestSession b2 = b.sibling(TestConnection.open(vertx, dc.endpoints().get(0)));
    b2.call(q("updates.getState"));
    assertEquals("messages.sentEncryptedMessage", a2.call(q("messages.sendEncrypted").put("peer", peer)
        .put("random_id", 9L).put("data", io.vertx.core.buffer.Buffer.buffer(new byte[] {1, 2}))).getString("_"));
    JsonObject relayed = b2.await("updates").body().getJsonArray("updates").getJsonObject(0);
    assertEquals("updateNewEncryptedMessage", relayed.getString("_"), relayed.encode());
    assertEquals(waiting.getInteger("id"), relayed.getJsonObject("message").getInteger("chat_id"));
    FilesTest.error(b2.call(q("messages.acceptEncryption").put("peer", peer).put("g_b", SecretChatRelayTest.dh())
        .put("key_fingerprint", 77L)), 400, "ENCRYPTION_ALREADY_ACCEPTED");

    JsonObject success = QrLoginTest.export(desktop.sibling(TestConnection.open(vertx, dc.endpoints().get(0))));
    assertEquals("auth.loginTokenSuccess", success.getString("_"), success.encode());
    assertEquals(ua.getLong("id"), success.getJsonObject("authorization").getJsonObject("user").getLong("id"));

    TestSession onDc2 = TestSession.create(TestConnection.open(vertx, dc.endpoints().get(1)), dc, 2);
    JsonObject imported = onDc2.call(q("auth.importAuthorization").put("id", ua.getLong("id"))
        .put("bytes", export.getBuffer("bytes")));
    assertEquals(ua.getLong("id"), imported.getJsonObject("user").getLong("id"), imported.encode());
    FilesTest.error(revoked.sibling(TestConnection.open(vertx, dc.endpoints().get(1)))
        .call(q("users.getFullUser").put("id", q("inputUserSelf"))), 401, "SESSION_REVOKED");

    JsonObject signIn = newcomer.sibling(TestConnection.open(vertx, dc.endpoints().get(0))).call(q("auth.signIn")
        .put("phone_number", "9996615555").put("phone_code_hash", hash).put("phone_code", "11111"));
    assertEquals("auth.authorizationSignUpRequired", signIn.getString("_"), "the code sent before: " + signIn.encode());
  }

  private static String md5(byte[] data) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(data));
  }

  private static String perms(Path p) throws Exception {
    String s = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    return "rw-------".equals(s) ? "0600" : s;
  }
}
