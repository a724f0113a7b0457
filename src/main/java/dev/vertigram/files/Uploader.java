package dev.vertigram.files;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Uploads a stream in 512 KiB parts, {@code parallelism} at once (the source is paused while they are all in flight):
 * saveFilePart with an md5 up to 10 MiB, saveBigFilePart above or when the size is unknown. Parts of a stream of
 * unknown size carry file_total_parts = -1, except the last one, which carries the real count (a full part is held
 * back until the next byte or the end shows whether it is the last). Completes with the inputFile or inputFileBig.
 */
final class Uploader extends Transfer<JsonObject> {

  static final int PART = 512 * 1024;
  static final long BIG = 10L * 1024 * 1024;
  static final String EMPTY = "Telegram refuses empty files: a part must hold at least 1 byte (FILE_PART_EMPTY) and "
      + "a file at least 1 part (FILE_PARTS_INVALID)";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ReadStream<Buffer> source;
  private final String name;
  private final long fileId;
  private final boolean big;
  private final MessageDigest md5;
  /** The file whose parts are uploaded again, or null for a new upload. */
  private final JsonObject again;
  /** -1 until the end of a stream of unknown size. */
  private int totalParts;
  private Buffer pending = Buffer.buffer(PART);
  private int nextPart;
  private int inFlight;
  private long read;
  private boolean ended;

  private Uploader(FileTransfers files, ReadStream<Buffer> source, TransferOptions options, long fileId, boolean big,
      int totalParts, int firstPart, long bytes, String name, JsonObject again) {
    super(files, options, "upload");
    this.source = source;
    this.fileId = fileId;
    this.big = big;
    this.totalParts = totalParts;
    this.nextPart = firstPart;
    this.total = bytes;
    this.name = name;
    this.again = again;
    this.md5 = big || again != null ? null : newMd5();
  }

  /** Uploads a whole file of {@code size} bytes, or of unknown size when -1. */
  static Uploader of(FileTransfers files, ReadStream<Buffer> source, long size, String name, TransferOptions options) {
    boolean big = size < 0 || size > BIG;
    int parts = size < 0 ? -1 : (int) ((size + PART - 1) / PART);
    return new Uploader(files, source, options, RANDOM.nextLong(), big, parts, 0, size, name, null);
  }

  /**
   * Uploads again parts {@code firstPart}.. of the file {@code inputFile} names, read from {@code source}
   * ({@code bytes} bytes from the start of that part); completes with {@code inputFile}.
   */
  static Uploader again(FileTransfers files, ReadStream<Buffer> source, JsonObject inputFile, int firstPart,
      long bytes, TransferOptions options) {
    boolean big = "inputFileBig".equals(inputFile.getString("_"));
    return new Uploader(files, source, options, inputFile.getLong("id"), big, inputFile.getInteger("parts"), firstPart,
        bytes, inputFile.getString("name"), inputFile);
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
    if (total >= 0 && read > total) {
      fail(new IllegalStateException("the source has more than the " + total + " bytes announced"));
      return;
    }
    if (md5 != null) {
      md5.update(chunk.getBytes());
    }
    int at = 0;
    while (at < chunk.length()) {
      if (pending.length() == PART) {
        send(); // more bytes follow: not the last part
      }
      int n = Math.min(PART - pending.length(), chunk.length() - at);
      pending.appendBuffer(chunk, at, n);
      at += n;
    }
  }

  private void onEnd() {
    ended = true;
    if (finished()) {
      return;
    }
    if (total >= 0 && read != total) {
      fail(new IllegalStateException("the source ended after " + read + " of the " + total + " bytes announced"));
      return;
    }
    if (read == 0) {
      fail(new IllegalArgumentException(EMPTY));
      return;
    }
    if (totalParts < 0) {
      totalParts = nextPart + 1;
      total = read;
    }
    send();
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
    if (again != null) {
      outcome.tryComplete(again);
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
