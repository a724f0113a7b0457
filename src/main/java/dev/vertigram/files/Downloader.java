package dev.vertigram.files;

import dev.vertigram.client.RpcException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.WriteStream;

import java.util.Map;
import java.util.TreeMap;

/**
 * Downloads bytes [from, to) of a file into a stream, in order: 1 MiB-aligned upload.getFile parts (offset a multiple
 * of 1 MiB, limit 1 MiB, never crossing a 1 MiB boundary), {@code parallelism} fetched or waiting at once, none
 * requested while the stream's write queue is full. FILE_MIGRATE is followed by the client; FILE_REFERENCE_* runs
 * the refresher (once for every part that hit it) and retries with the new reference. Unless turned off, each part is
 * checked against the SHA-256 hashes of upload.getFileHashes (asked alongside the part; a mismatch fails the
 * download with an IOException). Completes when the stream has taken the last write.
 */
final class Downloader extends Transfer<Void> {

  static final int PART = 1 << 20;
  private static final int MAX_REFRESHES = 3;

  private final JsonObject origin;
  private final WriteStream<Buffer> sink;
  private final long from;
  private final long to;
  private final long lastPart;
  private final Map<Long, Buffer> ready = new TreeMap<>();
  private FileLocation file;
  private long nextRequest;
  private long nextWrite;
  private int inFlight;
  private int generation;
  private Future<Void> refreshing;
  private FileHashes hashes;

  Downloader(FileTransfers files, JsonObject origin, WriteStream<Buffer> sink, long from, long to,
      TransferOptions options) {
    super(files, options, "download");
    this.origin = origin;
    this.file = FileLocation.of(origin);
    long end = to < 0 ? file.size() : Math.min(to, file.size());
    if (from < 0 || from > end) {
      throw new IllegalArgumentException("bad range " + from + ".." + to + " of " + file.size() + " bytes");
    }
    this.sink = sink;
    this.from = from;
    this.to = end;
    this.total = end - from;
    this.nextRequest = from / PART;
    this.nextWrite = nextRequest;
    this.lastPart = end == from ? nextRequest - 1 : (end - 1) / PART;
    this.hashes = options.checkHashes() ? new FileHashes() : null;
  }

  /** Starts fetching; call on the transfer's context. */
  Future<Void> start() {
    sink.exceptionHandler(onContext(this::fail));
    flush();
    pump();
    return outcome.future();
  }

  private void pump() {
    while (!finished() && nextRequest <= lastPart && inFlight + ready.size() < options.parallelism()
        && !sink.writeQueueFull()) {
      inFlight++;
      request(nextRequest++);
    }
    if (!finished() && sink.writeQueueFull()) {
      sink.drainHandler(onContext(v -> pump()));
    }
  }

  private void request(long part) {
    int gen = generation;
    Future<JsonArray> partHashes = hashesOf(part);
    JsonObject method = new JsonObject().put("_", "upload.getFile").put("location", file.location())
        .put("offset", part * PART).put("limit", PART);
    call(method, dcId()).onComplete(ar -> {
      if (finished()) {
        return;
      }
      if (ar.succeeded()) {
        Buffer bytes = ar.result().getBuffer("bytes");
        partHashes.compose(h -> check(part, bytes, h)).onComplete(onContext(checked -> {
          if (finished()) {
            return;
          }
          if (checked.succeeded()) {
            inFlight--;
            received(part, bytes);
          } else {
            fail(checked.cause());
          }
        }));
      } else if (ar.cause() instanceof RpcException e && e.name().startsWith("FILE_REFERENCE_")) {
        refresh(gen, e).onSuccess(v -> request(part)).onFailure(this::fail);
      } else {
        fail(ar.cause());
      }
    });
  }

  private int dcId() {
    return options.dcId() != 0 ? options.dcId() : file.dcId();
  }

  /**
   * The hashes of the ranges of a part, asked with upload.getFileHashes as needed (alongside the part itself); empty
   * when checks are off or the server gives none.
   */
  private Future<JsonArray> hashesOf(long part) {
    long start = part * PART;
    int length = (int) (Math.min(file.size(), start + PART) - start);
    long missing = hashes == null ? -1 : hashes.missing(start, start + length);
    if (missing < 0) {
      return Future.succeededFuture(hashes == null ? new JsonArray() : hashes.take(start, length));
    }
    int gen = generation;
    JsonObject method = new JsonObject().put("_", "upload.getFileHashes").put("location", file.location())
        .put("offset", missing);
    return call(method, dcId()).transform(ar -> {
      if (ar.succeeded()) {
        if (hashes != null) {
          hashes.add(missing, ar.result().getJsonArray("value"));
        }
        return hashesOf(part);
      } else if (ar.cause() instanceof RpcException e && e.name().startsWith("FILE_REFERENCE_")) {
        return refresh(gen, e).compose(v -> hashesOf(part));
      } else if (ar.cause() instanceof RpcException) {
        hashes = null; // the server gives no hashes for this file: nothing to check
        return hashesOf(part);
      }
      return Future.failedFuture(ar.cause());
    });
  }

  /** Checks a part against its hashes on a worker thread (SHA-256 of up to 1 MiB). */
  private Future<Void> check(long part, Buffer bytes, JsonArray partHashes) {
    if (partHashes.isEmpty()) {
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(() -> {
      FileHashes.check(part * PART, bytes, partHashes);
      return null;
    }, false);
  }

  private void received(long part, Buffer bytes) {
    long start = part * PART;
    long want = Math.min(to, start + PART);
    if (start + bytes.length() < want) {
      fail(new IllegalStateException("the file ended at " + (start + bytes.length()) + ", expected " + want));
      return;
    }
    ready.put(part, bytes.slice((int) (Math.max(from, start) - start), (int) (want - start)));
    flush();
    pump();
  }

  private void flush() {
    Buffer next;
    Future<Void> written = Future.succeededFuture();
    while ((next = ready.remove(nextWrite)) != null) {
      written = sink.write(next);
      nextWrite++;
      advance(next.length());
    }
    if (nextWrite > lastPart && !finished()) {
      written.onComplete(onContext(ar -> {
        if (ar.succeeded()) {
          outcome.tryComplete();
        } else {
          fail(ar.cause());
        }
      }));
    }
  }

  /** A fresh file reference: one refresh per generation of the reference, at most {@value #MAX_REFRESHES}. */
  private Future<Void> refresh(int gen, RpcException cause) {
    if (gen < generation) {
      return Future.succeededFuture();
    }
    if (refreshing != null) {
      return refreshing;
    }
    if (options.refresher() == null || generation >= MAX_REFRESHES) {
      return Future.failedFuture(cause);
    }
    Promise<Void> done = Promise.promise();
    refreshing = done.future();
    Future<JsonObject> refetched;
    try {
      refetched = options.refresher().apply(origin);
    } catch (RuntimeException e) {
      refetched = Future.failedFuture(e);
    }
    refetched.onComplete(onContext(ar -> {
      refreshing = null;
      if (ar.failed()) {
        done.fail(ar.cause());
        return;
      }
      try {
        FileLocation fresh = FileLocation.of(ar.result());
        file = file.withLocationOf(fresh);
        generation++;
        done.complete();
      } catch (RuntimeException e) {
        done.fail(e);
      }
    }));
    return done.future();
  }

  @Override
  void cleanUp() {
    ready.clear();
  }
}
