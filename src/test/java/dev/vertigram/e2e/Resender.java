package dev.vertigram.e2e;

import dev.vertigram.files.FileTransfers;
import dev.vertigram.files.TransferOptions;
import dev.vertigram.updates.EventHandler;
import dev.vertigram.updates.Handler;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * The event handler of the file end-to-end test: sends every incoming media message on to {@link #target}, giving the
 * update itself as the media (no download), through the session's {@link FileTransfers} set in {@link #files}.
 */
public class Resender extends EventHandler {

  static volatile FileTransfers files;
  static volatile String target;

  @Handler("incoming and media")
  public Future<JsonObject> resend(JsonObject update) {
    return files.sendMedia(target, update, "again", TransferOptions.create());
  }
}
