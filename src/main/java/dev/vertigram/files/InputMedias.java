package dev.vertigram.files;

import io.vertx.core.json.JsonObject;

import java.util.Set;

/**
 * Turns media already on Telegram into the InputMedia that sends it again without downloading it (MadelineProto's
 * {@code sendMedia(peer: $update, media: $update)}): an update carrying a message, a message, a MessageMedia, a
 * document or a photo becomes inputMediaDocument / inputMediaPhoto (id, access_hash, file_reference; spoiler, TTL and
 * video cover kept), and dice, geo points and contacts their input forms. An InputMedia is returned as it is.
 */
public final class InputMedias {

  private static final Set<String> MESSAGE_UPDATES = Set.of("updateNewMessage", "updateNewChannelMessage",
      "updateEditMessage", "updateEditChannelMessage", "updateNewScheduledMessage", "updateBotNewBusinessMessage",
      "updateBotEditBusinessMessage");

  private InputMedias() {
  }

  /** The InputMedia for {@code object}; IllegalArgumentException when it carries no media that can be sent again. */
  public static JsonObject of(JsonObject object) {
    String type = object.getString("_", "");
    if (type.startsWith("inputMedia")) {
      return object;
    }
    if (MESSAGE_UPDATES.contains(type)) {
      return of(object.getJsonObject("message"));
    }
    return switch (type) {
      case "message" -> {
        JsonObject media = object.getJsonObject("media");
        if (media == null) {
          throw new IllegalArgumentException("the message has no media");
        }
        yield of(media);
      }
      case "messageMediaDocument" -> {
        JsonObject input = kept(object, document(required(object, "document")), "video_timestamp");
        if (object.getValue("video_cover") instanceof JsonObject cover && cover.containsKey("access_hash")) {
          input.put("video_cover", inputFile("inputPhoto", cover));
        }
        yield input;
      }
      case "messageMediaPhoto" -> kept(object, photo(required(object, "photo")));
      case "document" -> document(object);
      case "photo" -> photo(object);
      case "messageMediaDice" -> new JsonObject().put("_", "inputMediaDice")
          .put("emoticon", object.getString("emoticon"));
      case "messageMediaGeo" -> geoPoint(object.getJsonObject("geo"));
      case "messageMediaContact" -> new JsonObject().put("_", "inputMediaContact")
          .put("phone_number", object.getString("phone_number")).put("first_name", object.getString("first_name"))
          .put("last_name", object.getString("last_name")).put("vcard", object.getString("vcard"));
      default -> throw new IllegalArgumentException("no media that can be sent again in " + type);
    };
  }

  private static JsonObject required(JsonObject media, String field) {
    JsonObject file = media.getJsonObject(field);
    if (file == null || !file.containsKey("access_hash")) {
      throw new IllegalArgumentException(media.getString("_") + " without a " + field + " (expired or empty)");
    }
    return file;
  }

  /** {@code input} with the spoiler flag, the TTL and {@code more} fields of {@code media} that are set. */
  private static JsonObject kept(JsonObject media, JsonObject input, String... more) {
    for (String field : new String[] {"spoiler", "ttl_seconds"}) {
      copy(media, input, field);
    }
    for (String field : more) {
      copy(media, input, field);
    }
    return input;
  }

  private static void copy(JsonObject from, JsonObject to, String field) {
    if (from.getValue(field) != null) {
      to.put(field, from.getValue(field));
    }
  }

  private static JsonObject document(JsonObject document) {
    return new JsonObject().put("_", "inputMediaDocument").put("id", inputFile("inputDocument", document));
  }

  private static JsonObject photo(JsonObject photo) {
    return new JsonObject().put("_", "inputMediaPhoto").put("id", inputFile("inputPhoto", photo));
  }

  private static JsonObject inputFile(String type, JsonObject file) {
    return new JsonObject().put("_", type).put("id", file.getLong("id")).put("access_hash", file.getLong("access_hash"))
        .put("file_reference", file.getBuffer("file_reference"));
  }

  private static JsonObject geoPoint(JsonObject geo) {
    if (geo == null || !"geoPoint".equals(geo.getString("_"))) {
      throw new IllegalArgumentException("messageMediaGeo without a point");
    }
    JsonObject point = new JsonObject().put("_", "inputGeoPoint").put("lat", geo.getDouble("lat"))
        .put("long", geo.getDouble("long"));
    copy(geo, point, "accuracy_radius");
    return new JsonObject().put("_", "inputMediaGeoPoint").put("geo_point", point);
  }
}
