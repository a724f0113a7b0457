package dev.vertigram.ipc.impl;

import dev.vertigram.files.FileTransfers;
import dev.vertigram.files.Progress;
import dev.vertigram.files.TransferOptions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * The file transfers a forwarder asks the owner to run, as JSON: {@code {"op": "upload", "path"}},
 * {@code {"op": "sendDocument", "peer", "path", "mimeType"}}, {@code {"op": "sendPhoto", "peer", "path"}} or
 * {@code {"op": "downloadToFile", "object", "path"}}, plus {@code "parallelism"}; paths are absolute (the owner
 * may run elsewhere), peers are anything the owner's {@code Vertigram.call} resolves (an InputPeer, "me",
 * {@code "@name"}...). Progress travels as {@code progress} frames.
 */
public final class TransferRequests {

  private TransferRequests() {
  }

  /**
   * Runs {@code request} on {@code files}; downloadToFile answers {@code {"path"}}. A malformed request (a bad
   * parallelism, a path that is not a string) fails the future: it never throws, so it cannot fail the connection.
   */
  public static Future<JsonObject> run(FileTransfers files, JsonObject request, TransferOptions options) {
    try {
      return start(files, request, options);
    } catch (RuntimeException e) {
      return Future.failedFuture(new IllegalArgumentException("bad transfer request: " + e.getMessage(), e));
    }
  }

  private static Future<JsonObject> start(FileTransfers files, JsonObject request, TransferOptions options) {
    String op = String.valueOf(request.getValue("op"));
    String path = request.getString("path");
    if (path == null) {
      return Future.failedFuture(new IllegalArgumentException("transfer " + op + ": no path"));
    }
    if (request.containsKey("parallelism")) {
      options.parallelism(request.getInteger("parallelism"));
    }
    return switch (op) {
      case "upload" -> files.upload(path, options);
      case "sendDocument" -> files.sendDocument(request.getValue("peer"), path,
          request.getString("mimeType", "application/octet-stream"), options);
      case "sendPhoto" -> files.sendPhoto(request.getValue("peer"), path, options);
      case "downloadToFile" -> files.downloadToFile(Wire.buffers(request.getJsonObject("object")), path, options)
          .map(v -> new JsonObject().put("path", path));
      default -> Future.failedFuture(new IllegalArgumentException("unknown transfer op " + op
          + " (upload, sendDocument, sendPhoto, downloadToFile)"));
    };
  }

  /** A progress frame of transfer {@code id}. */
  public static JsonObject progress(long id, Progress p) {
    return new JsonObject().put("t", "progress").put("id", id).put("done", p.done()).put("total", p.total())
        .put("bytesPerSecond", p.bytesPerSecond());
  }

  /** Reads {@link #progress}. */
  public static Progress progress(JsonObject frame) {
    return new Progress(frame.getLong("done"), frame.getLong("total"), frame.getDouble("bytesPerSecond"));
  }
}
