package dev.vertigram.parse;

import io.vertx.core.json.JsonArray;

import java.util.Objects;

/**
 * Plain text plus its Telegram message entities, as sent in {@code messages.sendMessage} ({@code message} and
 * {@code entities}).
 *
 * <p>Entities are TL values as JSON, e.g. {@code {"_":"messageEntityBold","offset":0,"length":4}}; offsets and lengths
 * count UTF-16 code units, exactly as Telegram does (and as {@link String#length()} does).
 *
 * @param text     the plain text
 * @param entities the entities, ordered by offset (then longest first)
 */
public record ParsedText(String text, JsonArray entities) {

  /** Validates and defaults: {@code entities} may be null (no entities). */
  public ParsedText {
    Objects.requireNonNull(text, "text");
    entities = entities == null ? new JsonArray() : entities;
  }

  /** Text without entities. */
  public static ParsedText plain(String text) {
    return new ParsedText(text, new JsonArray());
  }
}
