package dev.vertigram.files;

import dev.vertigram.client.MtprotoClient;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.CopyOptions;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import io.vertx.core.streams.WriteStream;

import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * File uploads and downloads over a client's media connections, with Vert.x async file I/O only.
 * <pre>
 * FileTransfers files = FileTransfers.create(vertx, client, "main");
 * files.sendDocument(peer, "/tmp/report.pdf", "application/pdf", TransferOptions.create());
 * files.downloadToFile(message, "/tmp/copy.pdf", TransferOptions.create().refresher(refetch));
 * </pre>
 * Progress events are published on {@code vertigram.<session>.progress}. Telegram refuses empty files (no part may be
 * empty, no file has 0 parts), so uploading one fails with an {@link IllegalArgumentException} and sends nothing.
 */
public final class FileTransfers {

  /** Bytes queued on a file being downloaded before fetching pauses (AsyncFile's default is below one part). */
  private static final int WRITE_QUEUE = 8 * Downloader.PART;

  private final Vertx vertx;
  private final MtprotoClient client;
  private final String session;

  private FileTransfers(Vertx vertx, MtprotoClient client, String session) {
    this.vertx = vertx;
    this.client = client;
    this.session = session;
  }

  /** Transfers for {@code client}, publishing progress on {@code vertigram.<session>.progress}. */
  public static FileTransfers create(Vertx vertx, MtprotoClient client, String session) {
    return new FileTransfers(vertx, client, session);
  }

  Vertx vertx() {
    return vertx;
  }

  MtprotoClient client() {
    return client;
  }

  String progressAddress() {
    return "vertigram." + session + ".progress";
  }

  /** Uploads a local file; the result is the inputFile (up to 10 MiB, with its md5) or inputFileBig. */
  public Future<JsonObject> upload(String path, TransferOptions options) {
    return onContext(() -> vertx.fileSystem().props(path).compose(props ->
        vertx.fileSystem().open(path, new OpenOptions().setRead(true).setWrite(false)).compose(file -> {
          file.setReadBufferSize(Uploader.PART);
          return upload(file, props.size(), Path.of(path).getFileName().toString(), options)
              .andThen(ar -> file.close());
        })));
  }

  /**
   * Uploads {@code size} bytes read from {@code source} under {@code name}, or, when {@code size} is -1, everything it
   * gives until its end (saveBigFilePart, file_total_parts -1 until the last part). The source is paused while
   * {@code parallelism} parts are in flight. Size 0, or an unknown-size source that ends without a byte, fails with an
   * {@link IllegalArgumentException}: Telegram refuses empty files. The result is the inputFile or inputFileBig.
   */
  public Future<JsonObject> upload(ReadStream<Buffer> source, long size, String name, TransferOptions options) {
    if (size == 0) {
      return Future.failedFuture(new IllegalArgumentException(Uploader.EMPTY));
    }
    if (size < -1) {
      return Future.failedFuture(new IllegalArgumentException("size must be -1 (unknown) or positive: " + size));
    }
    return onContext(() -> {
      source.pause();
      Uploader uploader = Uploader.of(this, source, size, name, options);
      uploader.start();
      return uploader.outcome.future();
    });
  }

  /** {@link #upload(ReadStream, long, String, TransferOptions)} of a source whose size is not known in advance. */
  public Future<JsonObject> upload(ReadStream<Buffer> source, String name, TransferOptions options) {
    return upload(source, -1, name, options);
  }

  /** Uploads a file and sends it as a document (file name, mime type and size attributes); the result is Updates. */
  public Future<JsonObject> sendDocument(JsonObject peer, String path, String mimeType, TransferOptions options) {
    return upload(path, options).compose(inputFile -> client.call(sendMedia(peer,
        new JsonObject().put("_", "inputMediaUploadedDocument").put("file", inputFile).put("mime_type", mimeType)
            .put("attributes", new JsonArray().add(new JsonObject().put("_", "documentAttributeFilename")
                .put("file_name", inputFile.getString("name")))))));
  }

  /** Uploads an image file and sends it as a photo; the result is Updates. */
  public Future<JsonObject> sendPhoto(JsonObject peer, String path, TransferOptions options) {
    return upload(path, options).compose(inputFile -> client.call(sendMedia(peer,
        new JsonObject().put("_", "inputMediaUploadedPhoto").put("file", inputFile))));
  }

  private static JsonObject sendMedia(JsonObject peer, JsonObject media) {
    return new JsonObject().put("_", "messages.sendMedia").put("peer", peer).put("media", media).put("message", "")
        .put("random_id", UUID.randomUUID().getMostSignificantBits());
  }

  /**
   * Writes bytes [from, to) of the file in {@code object} (a message, MessageMedia, document or photo; to = -1 for
   * the end) to {@code sink}, which is not ended.
   */
  public Future<Void> downloadToStream(JsonObject object, WriteStream<Buffer> sink, long from, long to,
      TransferOptions options) {
    return onContext(() -> new Downloader(this, object, sink, from, to, options).start());
  }

  /**
   * Downloads the file in {@code object} to {@code path}: written under a temporary name next to it and renamed
   * when complete, so a failed or cancelled download leaves nothing under {@code path}.
   */
  public Future<Void> downloadToFile(JsonObject object, String path, TransferOptions options) {
    String temp = path + ".part-" + Long.toHexString(UUID.randomUUID().getMostSignificantBits());
    return onContext(() -> vertx.fileSystem().open(temp, new OpenOptions().setWrite(true).setTruncateExisting(true))
        .compose(file -> downloadToStream(object, file.setWriteQueueMaxSize(WRITE_QUEUE), 0, -1, options)
            .compose(v -> file.close(), e -> file.close().transform(c -> Future.failedFuture(e)))
            .compose(v -> vertx.fileSystem().move(temp, path, new CopyOptions().setReplaceExisting(true)))
            .recover(e -> vertx.fileSystem().delete(temp).transform(v -> Future.failedFuture(e)))));
  }

  /** Runs {@code task} on one context (the caller's, or a new one), so a transfer's state stays on one thread. */
  private <T> Future<T> onContext(Supplier<Future<T>> task) {
    Context ctx = vertx.getOrCreateContext();
    if (Vertx.currentContext() == ctx) {
      return guarded(task);
    }
    Promise<T> promise = Promise.promise();
    ctx.runOnContext(v -> guarded(task).onComplete(promise));
    return promise.future();
  }

  private static <T> Future<T> guarded(Supplier<Future<T>> task) {
    try {
      return task.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
