package dev.vertigram.files;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Uploads a stream of known size in 512 KiB parts, {@code parallelism} at once (the source is paused while they are
 * all in flight): saveFilePart with an md5 up to 10 MiB, saveBigFilePart above. Completes with the inputFile or
 * inputFileBig.
 */
final class Uploader extends Transfer<JsonObject> {

  static final int PART = 512 * 1024;
  static final long BIG = 10L * 1024 * 1024;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ReadStream<Buffer> source;
  private final String name;
  private final long fileId = RANDOM.nextLong();
  private final int totalParts;
  private final boolean big;
  private final MessageDigest md5;
  private Buffer pending = Buffer.buffer(PART);
  private int nextPart;
  private int inFlight;
  private long read;
  private boolean ended;

  Uploader(FileTransfers files, ReadStream<Buffer> source, long size, String name, TransferOptions options) {
    super(files, options, "upload");
    this.source = source;
    this.name = name;
    this.total = size;
    this.totalParts = (int) ((size + PART - 1) / PART);
    this.big = size > BIG;
    this.md5 = big ? null : newMd5();
  }

  private static MessageDigest newMd5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts reading; call on the transfer's context. */
  void start() {
    source.exceptionHandler(onContext(this::fail));
    source.endHandler(onContext(v -> onEnd()));
    source.handler(onContext(this::onChunk));
    source.resume();
  }

  private void onChunk(Buffer chunk) {
    if (finished()) {
      return;
    }
    read += chunk.length();
    if (read > total) {
      fail(new IllegalStateException("the source has more than the " + total + " bytes announced"));
      return;
    }
    if (md5 != null) {
      md5.update(chunk.getBytes());
    }
    int at = 0;
    while (at < chunk.length()) {
      int n = Math.min(PART - pending.length(), chunk.length() - at);
      pending.appendBuffer(chunk, at, n);
      at += n;
      if (pending.length() == PART) {
        send();
      }
    }
  }

  private void onEnd() {
    ended = true;
    if (finished()) {
      return;
    }
    if (read != total) {
      fail(new IllegalStateException("the source ended after " + read + " of the " + total + " bytes announced"));
      return;
    }
    if (pending.length() > 0) {
      send();
    }
    complete();
  }

  private void send() {
    Buffer part = pending;
    pending = Buffer.buffer(PART);
    JsonObject method = new JsonObject().put("_", big ? "upload.saveBigFilePart" : "upload.saveFilePart")
        .put("file_id", fileId).put("file_part", nextPart++).put("bytes", part);
    if (big) {
      method.put("file_total_parts", totalParts);
    }
    if (++inFlight >= options.parallelism()) {
      source.pause();
    }
    call(method, options.dcId()).onComplete(ar -> {
      inFlight--;
      if (ar.failed()) {
        fail(ar.cause());
        return;
      }
      advance(part.length());
      if (!ended && inFlight < options.parallelism()) {
        source.resume();
      }
      complete();
    });
  }

  private void complete() {
    if (!ended || inFlight > 0 || pending.length() > 0 || finished()) {
      return;
    }
    JsonObject inputFile = new JsonObject().put("_", big ? "inputFileBig" : "inputFile").put("id", fileId)
        .put("parts", totalParts).put("name", name);
    if (!big) {
      inputFile.put("md5_checksum", HexFormat.of().formatHex(md5.digest()));
    }
    outcome.tryComplete(inputFile);
  }

  @Override
  void cleanUp() {
    if (!ended) {
      source.pause();
    }
  }
}
