package dev.vertigram.localdc.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The media factory the messages model calls (messages.sendMedia, messages.uploadMedia): InputMedia JSON →
 * MessageMedia JSON, for uploaded and existing documents and photos. Uploaded files are assembled and checked here
 * (part errors, MD5_CHECKSUM_INVALID) and stored on the uploading DC; existing ones are looked up and their file
 * reference checked. {@link #refresh} renews the references of a stored message's media each time it is sent to a
 * client again.
 */
final class Media {

  private Media() {
  }

  /**
   * The MessageMedia for {@code inputMedia} sent by {@code userId} on {@code dc}: MEDIA_INVALID for media that are not
   * documents or photos (or unknown ids), plus the upload, image and file reference errors.
   */
  static JsonObject create(DcState dc, long userId, JsonObject inputMedia) {
    FileStore files = dc.core().files();
    StoredFile file = switch (inputMedia.getString("_")) {
      case "inputMediaUploadedDocument" -> uploadedDocument(dc, userId, inputMedia);
      case "inputMediaUploadedPhoto" -> {
        int at = files.uploadDc(dc.id(), userId, inputMedia.getJsonObject("file"));
        yield Photos.create(dc, at, files.uploaded(at, userId, inputMedia.getJsonObject("file")));
      }
      case "inputMediaDocument" -> existing(files, inputMedia.getJsonObject("id"), "document");
      case "inputMediaPhoto" -> existing(files, inputMedia.getJsonObject("id"), "photo");
      default -> throw new RpcErrorException(400, "MEDIA_INVALID");
    };
    boolean photo = "photo".equals(file.object().getString("_"));
    JsonObject media = new JsonObject().put("_", photo ? "messageMediaPhoto" : "messageMediaDocument")
        .put(photo ? "photo" : "document", file.withReference(files.refs()));
    copy(inputMedia, media, "spoiler");
    copy(inputMedia, media, "ttl_seconds");
    if (!photo) {
      flagsFromAttributes(file.object(), media);
    }
    return media;
  }

  /** A copy of a stored MessageMedia whose photo or document carries a currently valid file reference. */
  static JsonObject refresh(FileStore files, JsonObject messageMedia) {
    JsonObject out = messageMedia.copy();
    for (String field : new String[] {"photo", "document"}) {
      JsonObject object = out.getJsonObject(field);
      if (object != null && object.containsKey("file_reference")) {
        object.put("file_reference", files.refs().current(object.getLong("id")));
      }
    }
    return out;
  }

  /** {@code message} as sent to a client again: a copy with renewed file references when it has media. */
  static JsonObject refreshed(FileStore files, JsonObject message) {
    JsonObject media = message.getJsonObject("media");
    return media == null ? message : message.copy().put("media", refresh(files, media));
  }

  private static StoredFile uploadedDocument(DcState dc, long userId, JsonObject in) {
    FileStore files = dc.core().files();
    JsonObject inputFile = in.getJsonObject("file");
    int at = files.uploadDc(dc.id(), userId, inputFile);
    FileContent content = files.uploaded(at, userId, inputFile);
    String mime = in.getString("mime_type", "");
    if (mime.isEmpty()) {
      mime = FileTypes.mimeType(content.head(FileTypes.HEAD));
    }
    JsonArray attributes = in.getJsonArray("attributes", new JsonArray()).copy();
    String name = inputFile.getString("name", "");
    if (!name.isEmpty() && attributes.stream().noneMatch(a ->
        "documentAttributeFilename".equals(((JsonObject) a).getString("_")))) {
      attributes.add(new JsonObject().put("_", "documentAttributeFilename").put("file_name", name));
    }
    long id = files.newId();
    long accessHash = files.newAccessHash();
    JsonObject document = new JsonObject().put("_", "document").put("id", id).put("access_hash", accessHash)
        .put("date", (int) dc.clock().seconds()).put("mime_type", mime).put("size", content.size())
        .put("dc_id", at).put("attributes", attributes);
    StoredFile file = new StoredFile(id, accessHash, at, content, document);
    files.add(file);
    return file;
  }

  private static StoredFile existing(FileStore files, JsonObject input, String kind) {
    if (input == null || !input.containsKey("access_hash")) {
      throw new RpcErrorException(400, "MEDIA_INVALID");
    }
    StoredFile file = files.find(input.getLong("id"), input.getLong("access_hash"));
    if (file == null || !kind.equals(file.object().getString("_"))) {
      throw new RpcErrorException(400, "MEDIA_INVALID");
    }
    files.refs().check(file.id(), input.getBuffer("file_reference"));
    return file;
  }

  /** messageMediaDocument's video / round / voice flags, as Telegram sets them from the attributes. */
  private static void flagsFromAttributes(JsonObject document, JsonObject media) {
    for (Object a : document.getJsonArray("attributes")) {
      JsonObject attribute = (JsonObject) a;
      switch (attribute.getString("_")) {
        case "documentAttributeVideo" -> media.put(Boolean.TRUE.equals(attribute.getBoolean("round_message"))
            ? "round" : "video", true);
        case "documentAttributeAudio" -> {
          if (Boolean.TRUE.equals(attribute.getBoolean("voice"))) {
            media.put("voice", true);
          }
        }
        default -> {
        }
      }
    }
  }

  private static void copy(JsonObject from, JsonObject to, String field) {
    if (from.containsKey(field)) {
      to.put(field, from.getValue(field));
    }
  }
}
