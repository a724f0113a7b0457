package dev.vertigram.app;

import dev.vertigram.client.Vertigram;
import dev.vertigram.files.FileTransfers;
import dev.vertigram.files.TransferOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileSystem;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Random;

/**
 * The file part of the chat demo: a generated file sent to the user's Saved Messages and downloaded back into a
 * directory, each way with a {@link ConsoleProgressBar}; the result is {@code {"bytes": n, "byteExact": true}}. The
 * files are deleted afterwards.
 */
final class FileRoundTrip {

  private static final Logger log = LoggerFactory.getLogger(FileRoundTrip.class);

  private final Vertx vertx;
  private final Vertigram user;
  private final String dir;

  /** Round trips for {@code user}, with its files in {@code dir}. */
  FileRoundTrip(Vertx vertx, Vertigram user, String dir) {
    this.vertx = vertx;
    this.user = user;
    this.dir = dir;
  }

  Future<JsonObject> run(int mib) {
    FileSystem fs = vertx.fileSystem();
    FileTransfers files = FileTransfers.create(vertx, user.rpc(), user.session());
    String source = Path.of(dir, "demo-upload.bin").toString();
    String downloads = Path.of(dir, "downloads").toString();
    JsonObject self = new JsonObject().put("_", "inputPeerSelf");
    log.info("demo: sending a {} MiB file to Saved Messages and downloading it back", mib);
    return vertx.executeBlocking(() -> random(mib << 20)).compose(data -> fs.mkdirs(downloads)
        .compose(v -> fs.writeFile(source, data))
        .compose(v -> files.sendDocument(self, source, "application/octet-stream",
            TransferOptions.create().progress(ConsoleProgressBar.onStdout("upload  "))))
        .compose(updates -> files.downloadToDir(messageIn(updates), downloads,
            TransferOptions.create().progress(ConsoleProgressBar.onStdout("download"))))
        .compose(path -> fs.readFile(path).compose(back -> {
          boolean same = back.equals(data);
          log.info("demo: {} came back {}", Path.of(path).getFileName(), same ? "byte-exact" : "DIFFERENT");
          return Future.join(fs.delete(path), fs.delete(source))
              .map(new JsonObject().put("bytes", data.length()).put("byteExact", same));
        })));
  }

  private static Buffer random(int size) {
    byte[] bytes = new byte[size];
    new Random().nextBytes(bytes);
    return Buffer.buffer(bytes);
  }

  /** The message in the Updates of messages.sendMedia. */
  private static JsonObject messageIn(JsonObject updates) {
    for (Object u : updates.getJsonArray("updates")) {
      if (u instanceof JsonObject update && update.getValue("message") instanceof JsonObject message) {
        return message;
      }
    }
    throw new IllegalStateException("no message in the answer of messages.sendMedia");
  }
}
