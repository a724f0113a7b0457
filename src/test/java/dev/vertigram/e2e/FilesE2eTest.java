package dev.vertigram.e2e;

import dev.vertigram.client.Vertigram;
import dev.vertigram.files.TransferOptions;
import dev.vertigram.updates.Vertigrams;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.vertigram.e2e.E2e.await;
import static dev.vertigram.e2e.E2e.until;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Media sent again without downloading: A sends a document and a photo to B, whose {@link Resender} handler sends
 * each received update on to C as the media; C gets the same document and photo (same ids).
 */
class FilesE2eTest {

  private final E2e e2e = E2e.get();
  @TempDir
  Path dir;
  private Vertigram a;
  private Vertigram b;
  private Vertigram c;
  private String bName;

  @BeforeEach
  void users() {
    String suffix = Long.toString(System.nanoTime() % 1_000_000);
    a = e2e.newUser(dir.resolve("a"), "Ann", "ann" + suffix);
    bName = "ben" + suffix;
    await(e2e.newUser(dir.resolve("b"), "Ben", bName).close());
    c = e2e.newUser(dir.resolve("c"), "Cat", "cat" + suffix);
    Resender.target = "@cat" + suffix;
    b = await(Vertigrams.startAndLoop(e2e.vertx, "ben", e2e.settings(dir.resolve("b")), Resender.class));
    Resender.files = b.files();
  }

  @AfterEach
  void close() {
    Resender.files = null;
    await(b.close());
    await(c.close());
    await(a.close());
  }

  @Test
  void aHandlerSendsReceivedMediaOnWithoutDownloading() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.txt"), "some notes");
    JsonObject sentDoc = sentMedia(await(a.files().sendDocument("@" + bName, text.toString(), null, "doc",
        TransferOptions.create())));
    Path png = dir.resolve("dot.png");
    ImageIO.write(new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
    JsonObject sentPhoto = sentMedia(await(a.files().sendPhoto("@" + bName, png.toString(), "pic",
        TransferOptions.create())));
    long getFiles = e2e.dc.stats().executions("upload.getFile");

    List<JsonObject> atC = new ArrayList<>();
    until(10_000, () -> {
      atC.clear();
      atC.addAll(mediaFrom(c, "@" + bName));
      return atC.size() >= 2;
    }, "both media at C");
    JsonObject doc = atC.get(0).getJsonObject("document");
    assertEquals(sentDoc.getJsonObject("document").getLong("id"), doc.getLong("id"), "the same document");
    assertEquals("text/plain", doc.getString("mime_type"));
    assertEquals("notes.txt", doc.getJsonArray("attributes").getJsonObject(0).getString("file_name"));
    assertEquals(sentPhoto.getJsonObject("photo").getLong("id"), atC.get(1).getJsonObject("photo").getLong("id"),
        "the same photo");
    assertEquals(getFiles, e2e.dc.stats().executions("upload.getFile"), "nothing downloaded");
  }

  /** The MessageMedia of the message in the Updates of a send. */
  private static JsonObject sentMedia(JsonObject updates) {
    for (Object u : updates.getJsonArray("updates")) {
      if (((JsonObject) u).getValue("message") instanceof JsonObject m && m.containsKey("media")) {
        return m.getJsonObject("media");
      }
    }
    throw new AssertionError("no media in " + updates.encode());
  }

  /** The media of the messages {@code tg} has with {@code peer}, oldest first. */
  private static List<JsonObject> mediaFrom(Vertigram tg, String peer) {
    JsonObject h = await(tg.call(new JsonObject().put("_", "messages.getHistory").put("peer", peer)
        .put("offset_id", 0).put("offset_date", 0).put("add_offset", 0).put("limit", 50).put("max_id", 0)
        .put("min_id", 0).put("hash", 0L)));
    List<JsonObject> out = new ArrayList<>();
    for (Object m : h.getJsonArray("messages", new JsonArray())) {
      JsonObject media = ((JsonObject) m).getJsonObject("media");
      if (media != null) {
        out.add(0, media);
      }
    }
    return out;
  }
}
