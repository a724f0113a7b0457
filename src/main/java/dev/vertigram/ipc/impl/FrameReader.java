package dev.vertigram.ipc.impl;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;

/**
 * Splits a byte stream into frames: a 4-byte big-endian length, then that many bytes of UTF-8 JSON (an object).
 * A length out of bounds or a body that is not a JSON object goes to the error handler, after which nothing else is
 * read. {@link #encode} writes the same framing.
 */
public final class FrameReader implements Handler<Buffer> {

  private final int maxFrameBytes;
  private final Handler<JsonObject> onFrame;
  private final Handler<String> onError;
  private final RecordParser parser = RecordParser.newFixed(4);
  private boolean header = true;
  private boolean failed;

  /**
   * @param maxFrameBytes the largest body accepted
   * @param onFrame       gets each frame
   * @param onError       gets why the stream is bad (once)
   */
  public FrameReader(int maxFrameBytes, Handler<JsonObject> onFrame, Handler<String> onError) {
    this.maxFrameBytes = maxFrameBytes;
    this.onFrame = onFrame;
    this.onError = onError;
    parser.handler(this::record);
  }

  /** One frame: length prefix and JSON body. */
  public static Buffer encode(JsonObject frame) {
    Buffer body = frame.toBuffer();
    return Buffer.buffer(body.length() + 4).appendInt(body.length()).appendBuffer(body);
  }

  @Override
  public void handle(Buffer chunk) {
    if (!failed) {
      parser.handle(chunk);
    }
  }

  private void record(Buffer record) {
    if (failed) {
      return;
    }
    if (header) {
      int length = record.getInt(0);
      if (length <= 0 || length > maxFrameBytes) {
        fail("frame length " + length + " out of bounds (max " + maxFrameBytes + ")");
        return;
      }
      header = false;
      parser.fixedSizeMode(length);
      return;
    }
    header = true;
    parser.fixedSizeMode(4);
    JsonObject frame;
    try {
      frame = new JsonObject(record);
    } catch (DecodeException | ClassCastException e) {
      fail("frame is not a JSON object: " + e.getMessage());
      return;
    }
    onFrame.handle(frame);
  }

  private void fail(String why) {
    failed = true;
    onError.handle(why);
  }
}
