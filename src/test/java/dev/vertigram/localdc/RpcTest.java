package dev.vertigram.localdc;

import dev.vertigram.crypto.AuthKey;
import dev.vertigram.crypto.MessageCipher;
import dev.vertigram.mtproto.MtMessage;
import dev.vertigram.tl.TlSchema;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RpcTest extends LocalDcTestBase {

  private static JsonObject appConfig(int hash) {
    return q("help.getAppConfig").put("hash", hash);
  }

  private static JsonObject error(JsonObject result, int code, String message) {
    assertEquals("rpc_error", result.getString("_"), result.encode());
    assertEquals(code, result.getInteger("error_code"));
    assertEquals(message, result.getString("error_message"));
    return result;
  }

  @Test
  void getConfigThroughTheWrappers() throws Exception {
    TestSession s = session();
    JsonObject init = q("initConnection").put("api_id", 1).put("device_model", "test").put("system_version", "1")
        .put("app_version", "1").put("system_lang_code", "en").put("lang_pack", "").put("lang_code", "en")
        .put("query", q("help.getConfig"));
    JsonObject config = s.call(q("invokeWithLayer").put("layer", TlSchema.api().layer()).put("query",
        q("invokeWithoutUpdates").put("query", init)));
    assertEquals("config", config.getString("_"));
    assertEquals(1, config.getInteger("this_dc"));
    JsonArray options = config.getJsonArray("dc_options");
    assertEquals(2, options.size());
    assertEquals(endpoint(2).port(), options.getJsonObject(1).getInteger("port"));
    assertEquals("127.0.0.1", options.getJsonObject(0).getString("ip_address"));
    assertEquals(List.of(q("help.getConfig")), dc.stats().executionLog("help.getConfig").subList(
        dc.stats().executionLog("help.getConfig").size() - 1, dc.stats().executionLog("help.getConfig").size()));
  }

  @Test
  void nearestDc() throws Exception {
    JsonObject nearest = session().call(q("help.getNearestDc"));
    assertEquals(1, nearest.getInteger("this_dc"));
    assertEquals(1, nearest.getInteger("nearest_dc"));
  }

  @Test
  void bigResultsAreGzippedAndGzippedQueriesAccepted() throws Exception {
    TestSession s = session();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(TestSession.CODEC.encode(appConfig(9)).getBytes());
    }
    Buffer packed = TestSession.CODEC.encode(q("gzip_packed").put("packed_data", Buffer.buffer(bytes.toByteArray())));
    MtMessage m = new MtMessage(s.clock.next(0), s.seqno.next(true), packed);
    s.send(m);
    TestSession.Received r = s.result(m.msgId());
    assertEquals(TlSchema.api().constructor("gzip_packed").id(), r.raw().getIntLE(12), "result is gzip_packed");
    JsonObject config = r.body().getJsonObject("result");
    assertEquals("help.appConfig", config.getString("_"));
    assertEquals(9, config.getInteger("hash"));
    assertEquals("jsonObject", config.getJsonObject("config").getString("_"));
  }

  @Test
  void unimplementedMethodsGetAClearError() throws Exception {
    TestSession s = session();
    error(s.call(q("help.getCdnConfig")), 400, "METHOD_NOT_IMPLEMENTED_HELP_GETCDNCONFIG");
    error(s.call(q("messages.getAllStickers").put("hash", 0L)), 400, "METHOD_NOT_IMPLEMENTED_MESSAGES_GETALLSTICKERS");
  }

  @Test
  void invokeAfterMsgWaitsForItsPredecessor() throws Exception {
    TestSession s = session();
    MtMessage first = s.message(appConfig(1), true);
    MtMessage second = s.message(q("invokeAfterMsg").put("msg_id", first.msgId()).put("query", appConfig(2)), true);
    int before = dc.stats().executionLog("help.getAppConfig").size();
    s.send(second);
    Thread.sleep(100);
    s.send(first);
    s.result(second.msgId());
    List<JsonObject> log = dc.stats().executionLog("help.getAppConfig");
    assertEquals(List.of(appConfig(1), appConfig(2)), log.subList(before, log.size()));
  }

  @Test
  void invokeAfterMsgsInOneContainer() throws Exception {
    TestSession s = session();
    MtMessage a = s.message(appConfig(11), true);
    MtMessage b = s.message(appConfig(12), true);
    MtMessage after = s.message(q("invokeAfterMsgs").put("msg_ids", new JsonArray().add(a.msgId()).add(b.msgId()))
        .put("query", appConfig(13)), true);
    s.send(s.container(after, a, b));
    assertEquals(13, s.result(after.msgId()).body().getJsonObject("result").getInteger("hash"));
  }

  @Test
  void invokeAfterMsgTimeoutAndFailure() throws Exception {
    TestSession s = session();
    long start = System.currentTimeMillis();
    error(s.call(q("invokeAfterMsg").put("msg_id", s.clock.next(0)).put("query", q("help.getNearestDc"))),
        400, "MSG_WAIT_TIMEOUT");
    assertTrue(System.currentTimeMillis() - start >= 450);
    long failing = s.send(q("help.getCdnConfig"));
    error(s.call(q("invokeAfterMsg").put("msg_id", failing).put("query", q("help.getNearestDc"))),
        400, "MSG_WAIT_FAILED");
  }

  @Test
  void tempKeyBinding() throws Exception {
    TestSession perm = session();
    TestHandshake hs = new TestHandshake(connect(), dc.publicKey(), 1);
    hs.expiresIn = 600;
    AuthKey tempKey = hs.run();
    TestSession temp = new TestSession(hs.conn, tempKey, hs.firstSalt(), hs.clock);
    error(temp.call(appConfig(1)), 401, "AUTH_KEY_PERM_EMPTY");
    assertEquals("nearestDc", temp.call(q("help.getNearestDc")).getString("_"));
    int expiresAt = (int) (System.currentTimeMillis() / 1000) + 600;
    error(bind(perm, perm.key, expiresAt, 0), 400, "TEMP_AUTH_KEY_EMPTY");
    error(bind(temp, perm.key, expiresAt, 1), 400, "ENCRYPTED_MESSAGE_INVALID");
    error(bind(temp, perm.key, (int) (System.currentTimeMillis() / 1000) - 10, 0), 400, "EXPIRES_AT_INVALID");
    assertEquals("boolTrue", bind(temp, perm.key, expiresAt, 0).getString("_"));
    assertEquals(1, temp.call(appConfig(1)).getInteger("hash"));
    TestSession otherPerm = session();
    error(bind(temp, otherPerm.key, expiresAt, 0), 400, "TEMP_AUTH_KEY_ALREADY_BOUND");
    assertTrue(dc.authorize(perm.key.id(), 777));
    JsonObject exported = temp.call(q("auth.exportAuthorization").put("dc_id", 2));
    assertEquals(777L, exported.getLong("id"));
  }

  /** auth.bindTempAuthKey over {@code temp}; {@code tamper} 1 changes the inner nonce. */
  private static JsonObject bind(TestSession temp, AuthKey perm, int expiresAt, int tamper) throws Exception {
    long nonce = TestHandshake.RANDOM.nextLong();
    long msgId = temp.clock.next(0);
    Buffer inner = TestSession.CODEC.encode(q("bind_auth_key_inner").put("nonce", nonce + tamper)
        .put("temp_auth_key_id", temp.key.id()).put("perm_auth_key_id", perm.id())
        .put("temp_session_id", temp.sessionId).put("expires_at", expiresAt));
    Buffer plain = Buffer.buffer().appendBytes(TestHandshake.random(16)).appendLongLE(msgId).appendIntLE(0)
        .appendIntLE(inner.length()).appendBuffer(inner);
    byte[] encrypted = MessageCipher.encryptV1(perm, plain.getBytes(), TestHandshake.RANDOM);
    Buffer body = TestSession.CODEC.encode(q("auth.bindTempAuthKey").put("perm_auth_key_id", perm.id())
        .put("nonce", nonce).put("expires_at", expiresAt).put("encrypted_message", Buffer.buffer(encrypted)));
    temp.send(new MtMessage(msgId, temp.seqno.next(true), body));
    return temp.result(msgId).body().getJsonObject("result");
  }

  @Test
  void exportAndImportAuthorization() throws Exception {
    TestSession home = session();
    error(home.call(q("auth.exportAuthorization").put("dc_id", 2)), 401, "AUTH_KEY_UNREGISTERED");
    assertTrue(dc.authorize(home.key.id(), 4242));
    error(home.call(q("auth.exportAuthorization").put("dc_id", 1)), 400, "DC_ID_INVALID");
    JsonObject exported = home.call(q("auth.exportAuthorization").put("dc_id", 2));
    TestSession other = TestSession.create(connect(2, dev.vertigram.transport.TransportKind.ABRIDGED, false), dc, 2);
    JsonObject imported = other.call(q("auth.importAuthorization").put("id", 4242L)
        .put("bytes", exported.getBuffer("bytes")));
    assertEquals("auth.authorization", imported.getString("_"));
    assertEquals(4242L, imported.getJsonObject("user").getLong("id"));
    error(other.call(q("auth.importAuthorization").put("id", 4242L).put("bytes", exported.getBuffer("bytes"))),
        400, "AUTH_BYTES_INVALID");
    assertEquals(4242L, other.call(q("auth.exportAuthorization").put("dc_id", 1)).getLong("id"));
  }

  @Test
  void statsCountContainersMessagesAndExecutions() throws Exception {
    TestSession s = session();
    s.call(q("help.getNearestDc"));
    dc.stats().reset();
    MtMessage a = s.message(appConfig(21), true);
    MtMessage b = s.message(appConfig(22), true);
    s.send(s.container(a, b));
    s.result(b.msgId());
    s.result(a.msgId());
    assertEquals(1, dc.stats().containersReceived());
    assertEquals(2, dc.stats().messagesReceived());
    assertEquals(2, dc.stats().executions("help.getAppConfig"));
    assertEquals(List.of(appConfig(21), appConfig(22)), dc.stats().executionLog("help.getAppConfig"));
    assertEquals(0, dc.stats().executions("help.getConfig"));
  }
}
