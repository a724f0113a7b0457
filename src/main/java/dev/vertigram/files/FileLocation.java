package dev.vertigram.files;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Where a file is: its InputFileLocation, DC, size and name, read from a message, a MessageMedia, a document or a
 * photo (its largest size).
 *
 * @param location inputDocumentFileLocation or inputPhotoFileLocation
 * @param dcId     the DC holding the file (0 when unknown: the home DC, which answers FILE_MIGRATE if need be)
 * @param size     the size in bytes
 * @param name     the file name attribute, or ""
 * @param mimeType the document's mime type (image/jpeg for photos), or ""
 */
public record FileLocation(JsonObject location, int dcId, long size, String name, String mimeType) {

  /** The location of the file in {@code object}; IllegalArgumentException when it carries none. */
  public static FileLocation of(JsonObject object) {
    JsonObject o = object;
    if (o.containsKey("media")) {
      o = o.getJsonObject("media");
    }
    if (o.containsKey("document")) {
      return document(o.getJsonObject("document"));
    }
    if (o.containsKey("photo")) {
      return photo(o.getJsonObject("photo"));
    }
    return switch (o.getString("_", "")) {
      case "document" -> document(o);
      case "photo" -> photo(o);
      default -> throw new IllegalArgumentException("no document or photo in " + object.getString("_"));
    };
  }

  /** What identifies these bytes: the location's kind, id and thumb size, and the size. */
  String identity() {
    return location.getString("_") + ":" + location.getLong("id") + ":" + location.getString("thumb_size", "") + ":"
        + size;
  }

  /** A copy pointing at {@code fresh}'s location (a renewed file reference), everything else kept. */
  FileLocation withLocationOf(FileLocation fresh) {
    return new FileLocation(fresh.location, dcId, size, name, mimeType);
  }

  private static FileLocation document(JsonObject d) {
    String name = "";
    for (Object a : d.getJsonArray("attributes", new JsonArray())) {
      if ("documentAttributeFilename".equals(((JsonObject) a).getString("_"))) {
        name = ((JsonObject) a).getString("file_name");
      }
    }
    JsonObject location = new JsonObject().put("_", "inputDocumentFileLocation").put("id", d.getLong("id"))
        .put("access_hash", d.getLong("access_hash")).put("file_reference", d.getBuffer("file_reference"))
        .put("thumb_size", "");
    return new FileLocation(location, d.getInteger("dc_id", 0), d.getLong("size"), name,
        d.getString("mime_type", ""));
  }

  private static FileLocation photo(JsonObject p) {
    JsonObject largest = null;
    for (Object s : p.getJsonArray("sizes", new JsonArray())) {
      JsonObject size = (JsonObject) s;
      if (size.containsKey("size") && (largest == null || size.getLong("size") > largest.getLong("size"))) {
        largest = size;
      }
    }
    if (largest == null) {
      throw new IllegalArgumentException("the photo has no downloadable size");
    }
    JsonObject location = new JsonObject().put("_", "inputPhotoFileLocation").put("id", p.getLong("id"))
        .put("access_hash", p.getLong("access_hash")).put("file_reference", p.getBuffer("file_reference"))
        .put("thumb_size", largest.getString("type"));
    return new FileLocation(location, p.getInteger("dc_id", 0), largest.getLong("size"), "", "image/jpeg");
  }
}
