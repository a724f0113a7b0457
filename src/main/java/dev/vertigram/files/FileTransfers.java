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
 * Progress events are published on {@code vertigram.<session>.progress}. Telegram refuses uploads of 0 parts, so
 * uploading an empty file fails with an {@link IllegalArgumentException} and sends nothing.
 */
public final class FileTransfers {

  /** Bytes queued on a file being downloaded before fetching pauses (AsyncFile's default is below one part). */
  private static final int WRITE_QUEUE = 8 * Downloader.PART;
  /** How many "name (n).ext" alternatives downloadToDir tries. */
  private static final int MAX_NAME_TRIES = 10_000;

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

  /** Uploads {@code size} bytes read from {@code source} (paused while parts are in flight) under {@code name}. */
  public Future<JsonObject> upload(ReadStream<Buffer> source, long size, String name, TransferOptions options) {
    if (size <= 0) {
      return Future.failedFuture(new IllegalArgumentException("Telegram refuses empty uploads (0 parts)"));
    }
    return onContext(() -> {
      source.pause();
      Uploader uploader = new Uploader(this, source, size, name, options);
      uploader.start();
      return uploader.outcome.future();
    });
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
   * Downloads the file in {@code object} to {@code path} (replaced when it exists). The bytes go to
   * {@code path.part} (see {@link PartialFile}), renamed to {@code path} when complete: a failed or cancelled download
   * leaves nothing under {@code path}, and downloading the same file to the same path again resumes it.
   */
  public Future<Void> downloadToFile(JsonObject object, String path, TransferOptions options) {
    return onContext(() -> downloadPart(object, path, options).compose(temp ->
        vertx.fileSystem().move(temp, path, new CopyOptions().setReplaceExisting(true))
            .recover(e -> vertx.fileSystem().delete(temp).transform(v -> Future.failedFuture(e)))));
  }

  /**
   * Downloads the file in {@code object} into the directory {@code dir}, under its file name attribute made safe (no
   * directory part or separator), else {@code document_<id>.<ext>} / {@code photo_<id>.jpg}; never over an existing
   * file: the first free of "name.ext", "name (1).ext", "name (2).ext", ... The result is the path written. Resumes
   * and cleans up as {@link #downloadToFile}.
   */
  public Future<String> downloadToDir(JsonObject object, String dir, TransferOptions options) {
    return onContext(() -> {
      String name = FileNames.of(FileLocation.of(object));
      return freeName(dir, name, 0).compose(n -> downloadPart(object, Path.of(dir, FileNames.numbered(name, n))
          .toString(), options).compose(temp -> moveToFreeName(temp, dir, name, n)));
    });
  }

  /** The first n >= {@code from} such that the n-th alternative of {@code name} does not exist in {@code dir}. */
  private Future<Integer> freeName(String dir, String name, int from) {
    if (from > MAX_NAME_TRIES) {
      return Future.failedFuture(new IllegalStateException("no free name like " + name + " in " + dir));
    }
    return vertx.fileSystem().exists(Path.of(dir, FileNames.numbered(name, from)).toString())
        .compose(taken -> taken ? freeName(dir, name, from + 1) : Future.succeededFuture(from));
  }

  /** Moves a complete download to the n-th name, or the next free one when another file took it meanwhile. */
  private Future<String> moveToFreeName(String temp, String dir, String name, int n) {
    String target = Path.of(dir, FileNames.numbered(name, n)).toString();
    return vertx.fileSystem().move(temp, target, new CopyOptions().setReplaceExisting(false)).map(target)
        .recover(e -> vertx.fileSystem().exists(target).compose(taken -> taken
            ? freeName(dir, name, n + 1).compose(next -> moveToFreeName(temp, dir, name, next))
            : Future.failedFuture(e)))
        .onFailure(e -> vertx.fileSystem().delete(temp));
  }

  /** Downloads the file in {@code object} into {@code target}'s .part, resuming it; the result is the .part's path. */
  private Future<String> downloadPart(JsonObject object, String target, TransferOptions options) {
    FileLocation file = FileLocation.of(object);
    return PartialFile.open(vertx, target, file, WRITE_QUEUE).compose(partial -> {
      Future<Void> downloaded;
      try {
        Downloader downloader = new Downloader(this, object, partial, partial.resumeAt(), -1, options);
        downloader.resumedAt(partial.resumeAt());
        downloaded = downloader.start();
      } catch (RuntimeException e) {
        downloaded = Future.failedFuture(e);
      }
      return downloaded.transform(ar -> ar.succeeded() ? partial.completed().map(partial.tempPath())
          : partial.keep().transform(v -> Future.failedFuture(ar.cause())));
    });
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
