package dev.vertigram.files;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Received media turned into InputMedia (the end-to-end re-send is in e2e.FilesE2eTest). */
class InputMediasTest {

  private static final Buffer REF = Buffer.buffer(new byte[] {1, 2, 3});

  private static JsonObject file(String type, long id) {
    return new JsonObject().put("_", type).put("id", id).put("access_hash", id * 7).put("file_reference", REF)
        .put("dc_id", 2).put("attributes", new JsonArray());
  }

  private static JsonObject update(JsonObject media) {
    return new JsonObject().put("_", "updateNewChannelMessage").put("pts", 3).put("pts_count", 1)
        .put("message", new JsonObject().put("_", "message").put("id", 9).put("message", "").put("media", media));
  }

  @Test
  void documentsFromUpdatesKeepSpoilerTtlAndCover() {
    JsonObject media = new JsonObject().put("_", "messageMediaDocument").put("document", file("document", 5))
        .put("spoiler", true).put("ttl_seconds", 30).put("video", true).put("video_timestamp", 12)
        .put("video_cover", file("photo", 6));
    JsonObject in = InputMedias.of(update(media));
    assertEquals("inputMediaDocument", in.getString("_"));
    assertEquals(new JsonObject().put("_", "inputDocument").put("id", 5L).put("access_hash", 35L)
        .put("file_reference", REF), in.getJsonObject("id"));
    assertEquals(true, in.getBoolean("spoiler"));
    assertEquals(30, in.getInteger("ttl_seconds"));
    assertEquals(12, in.getInteger("video_timestamp"));
    assertEquals("inputPhoto", in.getJsonObject("video_cover").getString("_"));
    assertFalse(in.containsKey("video"), "only InputMedia fields");
  }

  @Test
  void photosMessagesAndBareObjects() {
    JsonObject photo = file("photo", 8);
    JsonObject fromMessage = InputMedias.of(update(new JsonObject().put("_", "messageMediaPhoto").put("photo", photo))
        .getJsonObject("message"));
    assertEquals("inputMediaPhoto", fromMessage.getString("_"));
    assertEquals(8L, fromMessage.getJsonObject("id").getLong("id"));
    assertFalse(fromMessage.containsKey("spoiler"));
    assertEquals("inputPhoto", InputMedias.of(photo).getJsonObject("id").getString("_"));
    assertEquals("inputDocument", InputMedias.of(file("document", 1)).getJsonObject("id").getString("_"));
    JsonObject input = new JsonObject().put("_", "inputMediaDice").put("emoticon", "🎲");
    assertSame(input, InputMedias.of(input));
    assertEquals(input, InputMedias.of(new JsonObject().put("_", "messageMediaDice").put("value", 3)
        .put("emoticon", "🎲")));
    JsonObject geo = InputMedias.of(new JsonObject().put("_", "messageMediaGeo").put("geo", new JsonObject()
        .put("_", "geoPoint").put("lat", 1.5).put("long", 2.5).put("access_hash", 4L)));
    assertEquals(new JsonObject().put("_", "inputGeoPoint").put("lat", 1.5).put("long", 2.5),
        geo.getJsonObject("geo_point"));
  }

  @Test
  void mediaThatCannotBeSentAgainIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> InputMedias.of(new JsonObject().put("_", "message")
        .put("message", "text only")));
    IllegalArgumentException expired = assertThrows(IllegalArgumentException.class, () -> InputMedias.of(
        new JsonObject().put("_", "messageMediaPhoto").put("ttl_seconds", 5)));
    assertTrue(expired.getMessage().contains("photo"), expired.getMessage());
    assertThrows(IllegalArgumentException.class, () -> InputMedias.of(new JsonObject().put("_", "messageMediaPoll")));
  }
}
