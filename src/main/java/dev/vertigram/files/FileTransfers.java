package dev.vertigram.files;

import dev.vertigram.client.CallOptions;
import dev.vertigram.client.MtprotoClient;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.CopyOptions;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import io.vertx.core.streams.WriteStream;

import java.net.URLConnection;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * File uploads and downloads over a client's media connections, with Vert.x async file I/O only.
 * <pre>
 * FileTransfers files = FileTransfers.create(vertx, client, "main");
 * files.sendDocument(peer, "/tmp/report.pdf", "application/pdf", TransferOptions.create());
 * files.sendMedia(peer, receivedUpdate, "again", TransferOptions.create());
 * files.downloadToFile(message, "/tmp/copy.pdf", TransferOptions.create().refresher(refetch));
 * </pre>
 * Progress events are published on {@code vertigram.<session>.progress}. Telegram refuses empty files (no part may be
 * empty, no file has 0 parts), so uploading one fails with an {@link IllegalArgumentException} and sends nothing.
 * A {@code peer} is an InputPeer, or anything the {@code sends} function resolves (with {@code Vertigram.files()}:
 * an @username, a bot-API id, an update...).
 */
public final class FileTransfers {

  /** Bytes queued on a file being downloaded before fetching pauses (AsyncFile's default is below one part). */
  private static final int WRITE_QUEUE = 8 * Downloader.PART;
  /** How many "name (n).ext" alternatives downloadToDir tries. */
  private static final int MAX_NAME_TRIES = 10_000;

  private final Vertx vertx;
  private final MtprotoClient client;
  private final String session;
  private final BiFunction<JsonObject, CallOptions, Future<JsonObject>> sends;

  private FileTransfers(Vertx vertx, MtprotoClient client, String session,
      BiFunction<JsonObject, CallOptions, Future<JsonObject>> sends) {
    this.vertx = vertx;
    this.client = client;
    this.session = session;
    this.sends = sends;
  }

  /** Transfers for {@code client}, publishing progress on {@code vertigram.<session>.progress}. */
  public static FileTransfers create(Vertx vertx, MtprotoClient client, String session) {
    return new FileTransfers(vertx, client, session, client::call);
  }

  /**
   * Transfers whose messages (messages.sendMedia) go through {@code sends}, e.g. {@code Vertigram::call} (peers
   * resolved, the Updates handled), while file parts go straight to the client's media connections.
   */
  public static FileTransfers create(Vertx vertx, MtprotoClient client, String session,
      BiFunction<JsonObject, CallOptions, Future<JsonObject>> sends) {
    return new FileTransfers(vertx, client, session, sends);
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
    return readFile(path, 0, (file, size) -> upload(file, size, fileName(path), options));
  }

  /**
   * Runs {@code task} on the file at {@code path} opened for reading from part {@code fromPart} on, with the bytes
   * left from there; the file is closed when the task ends.
   */
  private <T> Future<T> readFile(String path, int fromPart, BiFunction<AsyncFile, Long, Future<T>> task) {
    long offset = (long) fromPart * Uploader.PART;
    return onContext(() -> vertx.fileSystem().props(path).compose(props -> {
      if (fromPart > 0 && offset >= props.size()) {
        return Future.failedFuture(new IllegalStateException(path + " has no part " + fromPart + " (changed?)"));
      }
      return vertx.fileSystem().open(path, new OpenOptions().setRead(true).setWrite(false)).compose(file -> {
        file.setReadBufferSize(Uploader.PART).setReadPos(offset);
        return task.apply(file, props.size() - offset).andThen(ar -> file.close());
      });
    }));
  }

  private static String fileName(String path) {
    return Path.of(path).getFileName().toString();
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

  /**
   * Uploads a local file and sends it as a document with its file name attribute and {@code mimeType} (null: from the
   * name's extension); the result is the Updates. Parts Telegram lost (FILE_PART_X_MISSING) are read again from the
   * file and uploaded again before the send is retried.
   */
  public Future<JsonObject> sendDocument(Object peer, String path, String mimeType, String caption,
      TransferOptions options) {
    return upload(path, options).compose(inputFile -> new MediaSender(sends, peer, caption,
        part -> uploadAgain(path, inputFile, part, options), null)
        .send(uploadedDocument(inputFile, mimeType)));
  }

  /** {@link #sendDocument(Object, String, String, String, TransferOptions)} without a caption. */
  public Future<JsonObject> sendDocument(Object peer, String path, String mimeType, TransferOptions options) {
    return sendDocument(peer, path, mimeType, null, options);
  }

  /**
   * Uploads {@code size} bytes of {@code source} (-1: until its end) and sends them as a document named {@code name}
   * with {@code mimeType} (null: from the name's extension). A stream cannot be read again, so FILE_PART_X_MISSING
   * fails the send.
   */
  public Future<JsonObject> sendDocument(Object peer, ReadStream<Buffer> source, long size, String name,
      String mimeType, String caption, TransferOptions options) {
    return upload(source, size, name, options).compose(inputFile -> new MediaSender(sends, peer, caption, null, null)
        .send(uploadedDocument(inputFile, mimeType)));
  }

  /** Uploads an image file and sends it as a photo with an optional caption; the result is the Updates. */
  public Future<JsonObject> sendPhoto(Object peer, String path, String caption, TransferOptions options) {
    return upload(path, options).compose(inputFile -> new MediaSender(sends, peer, caption,
        part -> uploadAgain(path, inputFile, part, options), null)
        .send(new JsonObject().put("_", "inputMediaUploadedPhoto").put("file", inputFile)));
  }

  /** {@link #sendPhoto(Object, String, String, TransferOptions)} without a caption. */
  public Future<JsonObject> sendPhoto(Object peer, String path, TransferOptions options) {
    return sendPhoto(peer, path, null, options);
  }

  /**
   * Sends media already on Telegram without downloading it: {@code media} is an InputMedia, or an update, message,
   * MessageMedia, document or photo turned into one by {@link InputMedias#of}. On FILE_REFERENCE_* the options'
   * refresher fetches {@code media} again for fresh references (once per retry). The result is the Updates.
   */
  public Future<JsonObject> sendMedia(Object peer, JsonObject media, String caption, TransferOptions options) {
    JsonObject inputMedia;
    try {
      inputMedia = InputMedias.of(media);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    var refresher = options.refresher();
    return new MediaSender(sends, peer, caption, null,
        refresher == null ? null : () -> refresher.apply(media).map(InputMedias::of)).send(inputMedia);
  }

  /** Uploads parts {@code fromPart}.. of the file {@code inputFile} was uploaded from again. */
  private Future<Void> uploadAgain(String path, JsonObject inputFile, int fromPart, TransferOptions options) {
    if (fromPart < 0 || fromPart >= inputFile.getInteger("parts")) {
      return Future.failedFuture(new IllegalStateException("Telegram misses part " + fromPart + " of "
          + inputFile.getInteger("parts")));
    }
    return readFile(path, fromPart, (file, bytes) -> {
      file.pause();
      Uploader uploader = Uploader.again(this, file, inputFile, fromPart, bytes, options);
      uploader.start();
      return uploader.outcome.future();
    }).mapEmpty();
  }

  private static JsonObject uploadedDocument(JsonObject inputFile, String mimeType) {
    String name = inputFile.getString("name");
    String mime = mimeType != null ? mimeType : URLConnection.guessContentTypeFromName(name);
    return new JsonObject().put("_", "inputMediaUploadedDocument").put("file", inputFile)
        .put("mime_type", mime != null ? mime : "application/octet-stream")
        .put("attributes", new JsonArray().add(new JsonObject().put("_", "documentAttributeFilename")
            .put("file_name", name)));
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
