package dev.vertigram.files;

import dev.vertigram.client.CancellationToken;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Options of one upload or download: parts in flight, cancellation, progress callback, and the file reference
 * refresher (given the object a download started from, it fetches it again, e.g. with messages.getMessages, so the
 * download can go on with a fresh file_reference).
 */
public final class TransferOptions {

  private int parallelism = 20;
  private CancellationToken cancellation;
  private Consumer<Progress> progress;
  private Function<JsonObject, Future<JsonObject>> refresher;
  private int dcId;
  private boolean checkHashes = true;

  /** New options: 20 parts in flight, no token, no callback, no refresher. */
  public static TransferOptions create() {
    return new TransferOptions();
  }

  /** The DC uploads go to (0 = home) and downloads start on (0 = the file's dc_id, else home). */
  public int dcId() {
    return dcId;
  }

  public TransferOptions dcId(int dcId) {
    this.dcId = dcId;
    return this;
  }

  /** Parts in flight at once (512 KiB each for uploads, 1 MiB for downloads). */
  public int parallelism() {
    return parallelism;
  }

  public TransferOptions parallelism(int parts) {
    if (parts < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1");
    }
    this.parallelism = parts;
    return this;
  }

  /** The token that cancels the transfer, or null. */
  public CancellationToken cancellation() {
    return cancellation;
  }

  public TransferOptions cancellation(CancellationToken token) {
    this.cancellation = token;
    return this;
  }

  /** Called after each part, on the transfer's context; may be null. */
  public Consumer<Progress> progress() {
    return progress;
  }

  public TransferOptions progress(Consumer<Progress> callback) {
    this.progress = callback;
    return this;
  }

  /** Whether downloads check their parts against upload.getFileHashes (default true). */
  public boolean checkHashes() {
    return checkHashes;
  }

  public TransferOptions checkHashes(boolean check) {
    this.checkHashes = check;
    return this;
  }

  /** Refetches the object a download started from when its file reference is refused; may be null. */
  public Function<JsonObject, Future<JsonObject>> refresher() {
    return refresher;
  }

  public TransferOptions refresher(Function<JsonObject, Future<JsonObject>> refresher) {
    this.refresher = refresher;
    return this;
  }
}
