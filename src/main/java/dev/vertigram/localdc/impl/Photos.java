package dev.vertigram.localdc.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

/**
 * Uploaded photos: the image's dimensions are read (ImageIO: JPEG, PNG, GIF, BMP), the original is stored once and
 * the photo declares Telegram's size classes up to the original's (s 100, m 320, x 800, y 1280, w 2560 px boxes),
 * scaled to fit each box. No resize is done: every size serves the original bytes, so each photoSize declares the
 * original's byte size.
 */
final class Photos {

  private static final String[] TYPES = {"s", "m", "x", "y", "w"};
  private static final int[] BOXES = {100, 320, 800, 1280, 2560};
  /** Telegram's limit for the ratio of the longer to the shorter side. */
  private static final int MAX_RATIO = 20;

  private Photos() {
  }

  static StoredFile create(DcState dc, FileContent content) {
    return create(dc, dc.id(), content);
  }

  /** A photo stored on DC {@code dcId} (where its parts were uploaded). */
  static StoredFile create(DcState dc, int dcId, FileContent content) {
    int[] wh = dimensions(content);
    int w = wh[0];
    int h = wh[1];
    if (Math.max(w, h) > MAX_RATIO * Math.min(w, h)) {
      throw new RpcErrorException(400, "PHOTO_INVALID_DIMENSIONS");
    }
    JsonArray sizes = new JsonArray();
    int longest = Math.max(w, h);
    for (int i = 0; i < TYPES.length; i++) {
      double scale = Math.min(1.0, BOXES[i] / (double) longest);
      sizes.add(new JsonObject().put("_", "photoSize").put("type", TYPES[i])
          .put("w", Math.max(1, (int) Math.round(w * scale))).put("h", Math.max(1, (int) Math.round(h * scale)))
          .put("size", (int) content.size()));
      if (BOXES[i] >= longest) {
        break;
      }
    }
    FileStore files = dc.core().files();
    long id = files.newId();
    long accessHash = files.newAccessHash();
    JsonObject photo = new JsonObject().put("_", "photo").put("id", id).put("access_hash", accessHash)
        .put("date", (int) dc.clock().seconds()).put("sizes", sizes).put("dc_id", dcId);
    StoredFile file = new StoredFile(id, accessHash, dcId, content, photo);
    files.add(file);
    return file;
  }

  /** {width, height}, or IMAGE_PROCESS_FAILED when the content is not a readable image. */
  private static int[] dimensions(FileContent content) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content.bytes()))) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers != null && readers.hasNext()) {
        ImageReader reader = readers.next();
        try {
          reader.setInput(in);
          int w = reader.getWidth(0);
          int h = reader.getHeight(0);
          if (w > 0 && h > 0) {
            return new int[] {w, h};
          }
        } finally {
          reader.dispose();
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new RpcErrorException(400, "IMAGE_PROCESS_FAILED");
    }
    throw new RpcErrorException(400, "IMAGE_PROCESS_FAILED");
  }
}
