package dev.vertigram.parse;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Test helpers: entities as TL JSON. */
final class E {

  private E() {
  }

  static JsonObject e(String kind, int offset, int length) {
    return new JsonObject().put("_", "messageEntity" + kind).put("offset", offset).put("length", length);
  }

  static JsonObject bold(int offset, int length) {
    return e("Bold", offset, length);
  }

  static JsonObject italic(int offset, int length) {
    return e("Italic", offset, length);
  }

  static JsonObject pre(int offset, int length, String language) {
    return e("Pre", offset, length).put("language", language);
  }

  static JsonObject url(int offset, int length, String url) {
    return e("TextUrl", offset, length).put("url", url);
  }

  static JsonObject mention(int offset, int length, long userId) {
    return new JsonObject().put("_", "inputMessageEntityMentionName").put("offset", offset).put("length", length)
      .put("user_id", userId);
  }

  static JsonObject emoji(int offset, int length, long documentId) {
    return e("CustomEmoji", offset, length).put("document_id", documentId);
  }

  static JsonObject quote(int offset, int length, boolean collapsed) {
    JsonObject quote = e("Blockquote", offset, length);
    return collapsed ? quote.put("collapsed", true) : quote;
  }

  static JsonArray list(JsonObject... entities) {
    JsonArray array = new JsonArray();
    for (JsonObject entity : entities) {
      array.add(entity);
    }
    return array;
  }

  static ParsedText text(String text, JsonObject... entities) {
    return new ParsedText(text, list(entities));
  }
}
