package dev.vertigram.parse;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text with entities that is over Telegram's length limit into messages that fit, to be sent in order.
 *
 * <p>Each part has at most {@code limit} UTF-16 units. A part ends after the last newline in the second half of its
 * window, else after the last space there, else at the limit; never inside a surrogate pair, nor inside a custom
 * emoji when it can be helped. The parts, concatenated, are exactly the text (white space at the cuts is kept, at the
 * end of the earlier part). Entities are cut at the part edges and re-based: an entity crossing a cut goes on, with
 * the same attributes, at the start of the next part.
 */
public final class MessageSplitter {

  /** Telegram's default limit for a message's text, in UTF-16 units. */
  public static final int DEFAULT_LIMIT = 4096;

  private MessageSplitter() {
  }

  /** Splits with {@link #DEFAULT_LIMIT}. */
  public static List<ParsedText> split(ParsedText message) {
    return split(message, DEFAULT_LIMIT);
  }

  /**
   * The parts of {@code message}, each at most {@code limit} UTF-16 units long (one part, the message itself, when
   * it fits; an empty text gives one empty part).
   *
   * @throws IllegalArgumentException when {@code limit < 2} (a surrogate pair must fit) or an entity lacks a numeric
   *                                  offset or length
   */
  public static List<ParsedText> split(ParsedText message, int limit) {
    if (limit < 2) {
      throw new IllegalArgumentException("limit must be at least 2, got " + limit);
    }
    String text = message.text();
    List<ParsedText> parts = new ArrayList<>();
    int start = 0;
    while (text.length() - start > limit) {
      int cut = cut(message, start, start + limit);
      parts.add(part(message, start, cut));
      start = cut;
    }
    parts.add(part(message, start, text.length()));
    return parts;
  }

  private static int cut(ParsedText message, int start, int max) {
    String text = message.text();
    int min = start + Math.max(1, (max - start) / 2);
    int newline = text.lastIndexOf('\n', max - 1) + 1;
    if (newline >= min) {
      return newline;
    }
    int space = text.lastIndexOf(' ', max - 1) + 1;
    if (space >= min) {
      return space;
    }
    int cut = Chars.splitsPair(text, max) ? max - 1 : max;
    for (int i = 0; i < message.entities().size(); i++) {
      JsonObject entity = entity(message, i);
      long offset = number(entity, "offset");
      if ("messageEntityCustomEmoji".equals(entity.getValue("_")) && offset > start && offset < cut
        && offset + number(entity, "length") > cut) {
        cut = (int) offset;
      }
    }
    return cut;
  }

  private static ParsedText part(ParsedText message, int start, int end) {
    JsonArray entities = new JsonArray();
    for (int i = 0; i < message.entities().size(); i++) {
      JsonObject entity = entity(message, i);
      long from = Math.max(start, number(entity, "offset"));
      long to = Math.min(end, number(entity, "offset") + number(entity, "length"));
      if (from < to) {
        entities.add(entity.copy().put("offset", (int) (from - start)).put("length", (int) (to - from)));
      }
    }
    return new ParsedText(message.text().substring(start, end), entities);
  }

  private static JsonObject entity(ParsedText message, int index) {
    if (!(message.entities().getValue(index) instanceof JsonObject entity)) {
      throw new IllegalArgumentException("entities[" + index + "] is not an object");
    }
    return entity;
  }

  private static long number(JsonObject entity, String field) {
    if (!(entity.getValue(field) instanceof Number number)) {
      throw new IllegalArgumentException("entity " + entity.encode() + ": " + field + " is not a number");
    }
    return number.longValue();
  }
}
