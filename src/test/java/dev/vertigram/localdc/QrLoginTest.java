package dev.vertigram.localdc;

import dev.vertigram.transport.TransportKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static dev.vertigram.localdc.FilesTest.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** QR login: export, accept by a logged-in session (updateLoginToken), success or migrate + import. */
class QrLoginTest extends LocalDcTestBase {

  static JsonObject export(TestSession s) throws Exception {
    return s.call(q("auth.exportLoginToken").put("api_id", 1).put("api_hash", "x").put("except_ids", new JsonArray()));
  }

  @Test
  void acceptedTokenLogsTheWaitingSessionIn() throws Exception {
    TestSession phone = session();
    JsonObject user = WorldTest.signUp(phone, "Qr");
    TestSession desktop = session();
    JsonObject token = export(desktop);
    assertEquals("auth.loginToken", token.getString("_"), token.encode());
    error(phone.call(q("auth.acceptLoginToken").put("token", io.vertx.core.buffer.Buffer.buffer("nope"))), 400,
        "AUTH_TOKEN_INVALID");
    assertEquals("authorization", phone.call(q("auth.acceptLoginToken").put("token", token.getBuffer("token")))
        .getString("_"));
    JsonObject pushed = desktop.await(r -> "updateShort".equals(r.name())).body();
    assertEquals("updateLoginToken", pushed.getJsonObject("update").getString("_"));
    JsonObject success = export(desktop);
    assertEquals("auth.loginTokenSuccess", success.getString("_"), success.encode());
    assertEquals(user.getLong("id"), success.getJsonObject("authorization").getJsonObject("user").getLong("id"));
    assertEquals("updates.state", desktop.call(q("updates.getState")).getString("_"));
  }

  @Test
  void tokenAcceptedForAnotherDcMigrates() throws Exception {
    TestSession phone = session();
    JsonObject user = WorldTest.signUp(phone, "Far");
    TestSession onDc2 = TestSession.create(connect(2, TransportKind.INTERMEDIATE, false), dc, 2);
    JsonObject token = export(onDc2);
    phone.call(q("auth.acceptLoginToken").put("token", token.getBuffer("token")));
    JsonObject migrate = export(onDc2);
    assertEquals("auth.loginTokenMigrateTo", migrate.getString("_"), migrate.encode());
    assertEquals(1, migrate.getInteger("dc_id"));
    TestSession onDc1 = session();
    JsonObject imported = onDc1.call(q("auth.importLoginToken").put("token", migrate.getBuffer("token")));
    assertEquals("auth.loginTokenSuccess", imported.getString("_"), imported.encode());
    assertEquals(user.getLong("id"), imported.getJsonObject("authorization").getJsonObject("user").getLong("id"));
    error(onDc1.call(q("auth.importLoginToken").put("token", migrate.getBuffer("token"))), 400, "AUTH_TOKEN_INVALID");
  }
}
