package dev.vertigram.files;

import dev.vertigram.testing.MemoryWriteStream;
import dev.vertigram.http.HttpFetcher;
import dev.vertigram.http.HttpOptions;
import dev.vertigram.http.HttpStatusException;
import dev.vertigram.http.OriginServer;
import dev.vertigram.localdc.LocalDcOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.vertigram.testing.Futures.await;
import static dev.vertigram.testing.Futures.failure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RemoteUrl uploads from a local HTTP origin into the Local DC, downloaded back and compared. */
class RemoteUrlTest {

  private static FilesFixture fx;
  private static OriginServer origin;
  private static HttpFetcher http;

  @BeforeAll
  static void start() throws Exception {
    fx = FilesFixture.start(new LocalDcOptions());
    origin = await(OriginServer.start(fx.vertx, 3 * Uploader.PART + 1234));
    http = HttpFetcher.create(fx.vertx, new HttpOptions());
  }

  @AfterAll
  static void stop() throws Exception {
    await(http.close());
    await(origin.close());
    fx.stop();
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + origin.port() + path;
  }

  private static byte[] download(JsonObject message) {
    MemoryWriteStream sink = MemoryWriteStream.collecting();
    await(fx.files.downloadToStream(message, sink, 0, -1, fx.withRefresher()));
    return sink.bytes();
  }

  @Test
  void withContentLengthTheUploadHasAKnownSize() throws Exception {
    JsonObject inputFile = await(RemoteUrl.of(http, url("/data")).upload(fx.files, TransferOptions.create()));
    assertEquals("inputFile", inputFile.getString("_"), "known size up to 10 MiB: saveFilePart with an md5");
    assertEquals("data.bin", inputFile.getString("name"));
    assertEquals(4, inputFile.getInteger("parts"));
    assertArrayEquals(origin.data, download(fx.sendUploaded(inputFile)));
  }

  @Test
  void chunkedIsAnUploadOfUnknownSize() throws Exception {
    JsonObject inputFile = await(RemoteUrl.of(http, url("/chunked")).upload(fx.files, TransferOptions.create()));
    assertEquals("inputFileBig", inputFile.getString("_"), "unknown size: saveBigFilePart");
    assertEquals("chunked", inputFile.getString("name"));
    assertArrayEquals(origin.data, download(fx.sendUploaded(inputFile)));
  }

  @Test
  void sendDocumentNamesTheFileAndTakesTheContentType() {
    JsonObject message = FilesFixture.messageIn(await(RemoteUrl.of(http, url("/data"))
        .sendDocument(fx.files, FilesFixture.self(), null, "from the web", TransferOptions.create())));
    JsonObject document = message.getJsonObject("media").getJsonObject("document");
    assertEquals("application/x-test", document.getString("mime_type"));
    assertEquals("from the web", message.getString("message"));
    JsonArray attributes = document.getJsonArray("attributes");
    assertTrue(attributes.stream().anyMatch(a -> "data.bin".equals(((JsonObject) a).getString("file_name"))),
        attributes.encode());
    assertArrayEquals(origin.data, download(message));
  }

  @Test
  void anHttpErrorOrAnEmptyBodyUploadsNothing() {
    fx.dc.stats().reset();
    Throwable missing = failure(RemoteUrl.of(http, url("/missing")).upload(fx.files, TransferOptions.create()));
    assertEquals(404, assertInstanceOf(HttpStatusException.class, missing).status());
    Throwable empty = failure(RemoteUrl.of(http, url("/empty")).upload(fx.files, TransferOptions.create()));
    assertInstanceOf(IllegalArgumentException.class, empty);
    assertEquals(0, fx.dc.stats().executions("upload.saveFilePart")
        + fx.dc.stats().executions("upload.saveBigFilePart"));
  }
}
