package dev.vertigram.files;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.FileSystem;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.WriteStream;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The file a download writes before it is complete: {@code <target>.part}, plus the sidecar {@code <target>.part.json}
 * ({@code {"file": identity, "verified": bytes}}) saying which file it holds and how many leading bytes were written
 * (and checked): the writes that completed with all those before them (AsyncFile writes may complete out of order). A download of the same file to the same target resumes at the verified length rounded down to
 * 1 MiB; a different file, a missing or unreadable sidecar, or a .part shorter than it says start over. A failed or
 * cancelled download keeps both (or deletes them when nothing was written); a complete one deletes the sidecar. One
 * download per target at a time in this JVM.
 */
final class PartialFile implements WriteStream<Buffer> {

  /** Bytes written between two sidecar saves while downloading (it is saved at the end in any case). */
  private static final long SAVE_EVERY = 8L * Downloader.PART;
  private static final Set<String> ACTIVE = ConcurrentHashMap.newKeySet();

  private final FileSystem fs;
  private final String temp;
  private final String sidecar;
  private final String identity;
  private final long resumeAt;
  private final AsyncFile file;
  /** Writes not yet known to be complete with all those before them, in file order (they may complete out of order). */
  private final ArrayDeque<Write> pending = new ArrayDeque<>();
  private Promise<Void> drained;
  private boolean broken;
  private long verified;
  private long saved;
  private Future<Void> saving = Future.succeededFuture();

  private PartialFile(FileSystem fs, String temp, String identity, long resumeAt, AsyncFile file) {
    this.fs = fs;
    this.temp = temp;
    this.sidecar = temp + ".json";
    this.identity = identity;
    this.resumeAt = resumeAt;
    this.verified = resumeAt;
    this.saved = resumeAt;
    this.file = file;
  }

  /** Opens (resuming when it can) the partial file of {@code file} downloaded to {@code target}. */
  static Future<PartialFile> open(Vertx vertx, String target, FileLocation file, int writeQueue) {
    String temp = target + ".part";
    String key = Path.of(temp).toAbsolutePath().normalize().toString();
    if (!ACTIVE.add(key)) {
      return Future.failedFuture(new IllegalStateException("a download to " + target + " is already running"));
    }
    FileSystem fs = vertx.fileSystem();
    String identity = file.identity();
    return resumable(fs, temp, identity)
        .compose(at -> (at > 0 ? fs.truncate(temp, at) : Future.<Void>succeededFuture())
            .compose(v -> fs.open(temp, new OpenOptions().setWrite(true).setTruncateExisting(at == 0)))
            .map(f -> new PartialFile(fs, temp, identity, at, f.setWritePos(at).setWriteQueueMaxSize(writeQueue))))
        .onFailure(e -> ACTIVE.remove(key));
  }

  /** Where the download resumes: the verified length of a matching sidecar, in whole parts, else 0. */
  private static Future<Long> resumable(FileSystem fs, String temp, String identity) {
    return fs.readFile(temp + ".json").compose(json -> {
      JsonObject state = json.toJsonObject();
      long verified = state.getLong("verified", 0L);
      if (!identity.equals(state.getString("file")) || verified <= 0) {
        return Future.succeededFuture(0L);
      }
      return fs.props(temp).map(props -> props.size() >= verified ? verified - verified % Downloader.PART : 0L);
    }).otherwise(0L);
  }

  /** The offset this download starts at (the bytes before it are already in the file). */
  long resumeAt() {
    return resumeAt;
  }

  String tempPath() {
    return temp;
  }

  /** Closes the file and forgets the sidecar: the .part holds the whole file, to be moved by the caller. */
  Future<Void> completed() {
    return drained().compose(v -> file.close()).compose(v -> saving.otherwiseEmpty())
        .compose(v -> fs.delete(sidecar).otherwiseEmpty()).andThen(ar -> release());
  }

  /** After a failure: closes the file and records how far it got, or deletes it when nothing was written. */
  Future<Void> keep() {
    return drained().compose(v -> file.close()).otherwiseEmpty().compose(v -> saving.otherwiseEmpty())
        .compose(v -> verified == 0 ? Future.join(fs.delete(temp), fs.delete(sidecar)).<Void>mapEmpty()
            .otherwiseEmpty() : save()).andThen(ar -> release());
  }

  /** Completes when every write made so far completed. */
  private Future<Void> drained() {
    if (pending.isEmpty()) {
      return Future.succeededFuture();
    }
    if (drained == null) {
      drained = Promise.promise();
    }
    return drained.future();
  }

  /** Deletes the .part (after it could not be moved into place). */
  Future<Void> discard() {
    return fs.delete(temp).otherwiseEmpty();
  }

  private void release() {
    ACTIVE.remove(Path.of(temp).toAbsolutePath().normalize().toString());
  }

  private Future<Void> save() {
    saved = verified;
    return fs.writeFile(sidecar, new JsonObject().put("file", identity).put("verified", verified).toBuffer());
  }

  /** One write to the file: its length, and whether it completed (successfully or not). */
  private static final class Write {
    final int length;
    boolean done;
    boolean failed;

    Write(int length) {
      this.length = length;
    }
  }

  @Override
  public Future<Void> write(Buffer data) {
    Write w = new Write(data.length());
    pending.add(w);
    return file.write(data).andThen(ar -> {
      w.done = true;
      w.failed = ar.failed();
      Write head;
      while ((head = pending.peek()) != null && head.done) {
        pending.poll();
        broken |= head.failed;
        if (!broken) {
          verified += head.length;
        }
      }
      if (verified - saved >= SAVE_EVERY && saving.isComplete()) {
        saving = save();
      }
      if (pending.isEmpty() && drained != null) {
        drained.complete();
        drained = null;
      }
    });
  }

  @Override
  public PartialFile exceptionHandler(Handler<Throwable> handler) {
    file.exceptionHandler(handler);
    return this;
  }

  @Override
  public Future<Void> end() {
    return file.end();
  }

  @Override
  public PartialFile setWriteQueueMaxSize(int maxSize) {
    file.setWriteQueueMaxSize(maxSize);
    return this;
  }

  @Override
  public boolean writeQueueFull() {
    return file.writeQueueFull();
  }

  @Override
  public PartialFile drainHandler(Handler<Void> handler) {
    file.drainHandler(handler);
    return this;
  }
}
