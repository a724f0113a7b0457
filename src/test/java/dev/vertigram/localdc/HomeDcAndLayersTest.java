package dev.vertigram.localdc;

import dev.vertigram.mtproto.MtMessage;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** USER_MIGRATE_X away from the account's home DC, and clients on an older layer than ours. */
class HomeDcAndLayersTest extends LocalDcTestBase {

  private static void error(JsonObject result, int code, String message) {
    assertEquals("rpc_error", result.getString("_"), result.encode());
    assertEquals(code, result.getInteger("error_code"), result.encode());
    assertEquals(message, result.getString("error_message"));
  }

  private static JsonObject withLayer(int layer, JsonObject query) {
    JsonObject init = q("initConnection").put("api_id", 7).put("device_model", "old phone")
        .put("system_version", "1").put("app_version", "0.9").put("system_lang_code", "en").put("lang_pack", "")
        .put("lang_code", "en").put("query", query);
    return q("invokeWithLayer").put("layer", layer).put("query", init);
  }

  @Test
  void accountMethodsAwayFromHomeMigrate() throws Exception {
    TestSession home = session();
    JsonObject user = WorldTest.signUp(home, "Home");
    assertEquals("updates.state", home.call(q("updates.getState")).getString("_"));
    JsonObject exported = home.call(q("auth.exportAuthorization").put("dc_id", 2));
    TestSession away = TestSession.create(connect(2, dev.vertigram.transport.TransportKind.INTERMEDIATE, false), dc, 2);
    // not logged in yet: no migrate, the key is simply unregistered
    error(away.call(q("updates.getState")), 401, "AUTH_KEY_UNREGISTERED");
    JsonObject imported = away.call(q("auth.importAuthorization").put("id", user.getLong("id"))
        .put("bytes", exported.getBuffer("bytes")));
    assertEquals("auth.authorization", imported.getString("_"), imported.encode());
    for (JsonObject call : List.of(q("updates.getState"),
        q("users.getUsers").put("id", new io.vertx.core.json.JsonArray().add(q("inputUserSelf"))),
        q("messages.getDialogs").put("offset_date", 0).put("offset_id", 0).put("offset_peer", q("inputPeerEmpty"))
            .put("limit", 10).put("hash", 0L),
        q("account.updateProfile").put("first_name", "Moved"),
        q("contacts.resolveUsername").put("username", "nobody_here"))) {
      error(away.call(call), 303, "USER_MIGRATE_1");
    }
    // wrappers do not hide the method
    error(away.call(withLayer(228, q("updates.getState"))), 303, "USER_MIGRATE_1");
    // the exceptions: help.*, auth.*, upload.*, messages.getDhConfig
    assertEquals("nearestDc", away.call(q("help.getNearestDc")).getString("_"));
    assertEquals("config", away.call(q("help.getConfig")).getString("_"));
    assertEquals("messages.dhConfig", away.call(q("messages.getDhConfig").put("version", 0).put("random_length", 0))
        .getString("_"));
    assertEquals(user.getLong("id"), away.call(q("auth.exportAuthorization").put("dc_id", 1)).getLong("id"));
    JsonObject part = away.call(q("upload.saveFilePart").put("file_id", 5L).put("file_part", 0)
        .put("bytes", io.vertx.core.buffer.Buffer.buffer("abc")));
    assertEquals("boolTrue", part.getString("_"), part.encode());
    JsonObject sendMedia = MediaMessagesTest.sendDocument(q("inputPeerSelf"),
        q("inputFile").put("id", 5L).put("parts", 1).put("name", "away.txt").put("md5_checksum", ""), "away", 61L);
    error(away.call(sendMedia), 303, "USER_MIGRATE_1");
    // at home everything still works; the file uploaded away lives there
    assertEquals("updates.state", home.call(q("updates.getState")).getString("_"));
    JsonObject sent = home.call(sendMedia);
    JsonObject document = sent.getJsonArray("updates").stream().map(JsonObject.class::cast)
        .filter(u -> "updateNewMessage".equals(u.getString("_"))).findFirst().orElseThrow()
        .getJsonObject("message").getJsonObject("media").getJsonObject("document");
    assertEquals(2, document.getInteger("dc_id"), document.encode());
  }

  @Test
  void olderLayerClientCompletesKeyExchangeServiceMessagesAndStableCalls() throws Exception {
    dc.stats().reset();
    TestSession s = session(); // the key exchange (layer-free)
    JsonObject nearest = s.call(withLayer(200, q("help.getNearestDc")));
    assertEquals("nearestDc", nearest.getString("_"), nearest.encode());
    assertEquals(1, nearest.getInteger("this_dc"));
    MtMessage ping = s.message(q("ping").put("ping_id", 200L), false);
    s.send(ping);
    assertEquals(200L, s.await("pong").body().getLong("ping_id"));
    MtMessage req = s.message(q("get_future_salts").put("num", 2), false);
    s.send(req);
    assertEquals(2, s.await("future_salts").body().getJsonArray("salts").size());
    WorldTest.signUp(s, "Old");
    JsonObject state = s.call(q("updates.getState"));
    assertEquals("updates.state", state.getString("_"), state.encode());
    assertTrue(state.getInteger("date") > 0);
    List<JsonObject> inits = dc.stats().clientInits();
    assertEquals(1, inits.size(), inits.toString());
    assertEquals(200, inits.get(0).getInteger("layer"));
    assertEquals(s.sessionId, inits.get(0).getLong("session_id"));
    assertEquals("old phone", inits.get(0).getString("device_model"));
    assertEquals(7, inits.get(0).getInteger("api_id"));
  }
}
