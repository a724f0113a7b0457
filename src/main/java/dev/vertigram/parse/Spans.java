package dev.vertigram.parse;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** Entities (TL JSON) to the spans a formatter works on, and range arithmetic on spans. */
final class Spans {

  private Spans() {
  }

  /**
   * The entities that have a markup, as spans: ranges clamped to the text and widened so that they never split a
   * surrogate pair; empty ones and mentions of users without a positive numeric id (e.g. {@code inputUserSelf})
   * dropped; entities without markup (mentions, hashtags, URLs...) left out.
   *
   * @throws IllegalArgumentException when an entity is not an object, lacks a numeric offset or length, or lacks
   *                                  the attribute its type requires (a non-empty url, a positive document_id)
   */
  static List<Span> of(String text, JsonArray entities) {
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i < entities.size(); i++) {
      if (!(entities.getValue(i) instanceof JsonObject entity)) {
        throw new IllegalArgumentException("entities[" + i + "] is not an object");
      }
      EntityKind kind = EntityKind.of(entity.getValue("_") instanceof String name ? name : null);
      if (kind == null || kind == EntityKind.MENTION_NAME && userId(entity) <= 0) {
        continue;
      }
      requireAttribute(entity, i, kind);
      long offset = number(entity, "offset", i);
      long start = Math.max(0, Math.min(offset, text.length()));
      long end = Math.max(start, Math.min(offset + number(entity, "length", i), text.length()));
      Span span = widen(text, new Span(kind, (int) start, (int) end, entity, attributes(kind, entity)));
      if (span.start < span.end) {
        spans.add(span);
      }
    }
    return spans;
  }

  /** The user id of a mention: {@code user_id} as a number, or as an InputUser holding one; 0 when none. */
  static long userId(JsonObject entity) {
    Object id = entity.getValue("user_id");
    if (id instanceof JsonObject inputUser) {
      id = inputUser.getValue("user_id");
    }
    return id instanceof Number number ? number.longValue() : 0;
  }

  /** Pre's language ("" when absent). */
  static String language(JsonObject entity) {
    return entity.getValue("language") instanceof String language ? language : "";
  }

  /** Whether a block quote is expandable. */
  static boolean collapsed(JsonObject entity) {
    return Boolean.TRUE.equals(entity.getValue("collapsed"));
  }

  /** The pieces of {@code span} outside {@code [from, to)}. */
  static List<Span> subtract(Span span, int from, int to) {
    if (!span.overlaps(from, to)) {
      return List.of(span);
    }
    List<Span> pieces = new ArrayList<>(2);
    if (span.start < from) {
      pieces.add(span.withRange(span.start, from));
    }
    if (to < span.end) {
      pieces.add(span.withRange(to, span.end));
    }
    return pieces;
  }

  /** {@code span} cut in two at {@code point} when the point is strictly inside it. */
  static List<Span> splitAt(Span span, int point) {
    if (point <= span.start || point >= span.end) {
      return List.of(span);
    }
    return List.of(span.withRange(span.start, point), span.withRange(point, span.end));
  }

  private static Span widen(String text, Span span) {
    int start = Chars.splitsPair(text, span.start) ? span.start - 1 : span.start;
    int end = Chars.splitsPair(text, span.end) ? span.end + 1 : span.end;
    return start == span.start && end == span.end ? span : span.withRange(start, end);
  }

  private static void requireAttribute(JsonObject entity, int index, EntityKind kind) {
    String missing = switch (kind) {
      case TEXT_URL -> entity.getValue("url") instanceof String url && !url.isEmpty() ? null : "non-empty url";
      case CUSTOM_EMOJI -> entity.getValue("document_id") instanceof Number id && id.longValue() > 0
        ? null : "positive document_id";
      default -> null;
    };
    if (missing != null) {
      throw new IllegalArgumentException("entities[" + index + "] (" + kind.tlName + ") has no " + missing);
    }
  }

  private static long number(JsonObject entity, String field, int index) {
    if (!(entity.getValue(field) instanceof Number number)) {
      throw new IllegalArgumentException("entities[" + index + "]." + field + " is not a number");
    }
    return Math.max(Integer.MIN_VALUE, Math.min(number.longValue(), Integer.MAX_VALUE));
  }

  private static String attributes(EntityKind kind, JsonObject entity) {
    return switch (kind) {
      case TEXT_URL -> entity.getString("url");
      case MENTION_NAME -> Long.toString(userId(entity));
      case CUSTOM_EMOJI -> entity.getValue("document_id").toString();
      case PRE -> language(entity);
      case BLOCKQUOTE -> Boolean.toString(collapsed(entity));
      default -> "";
    };
  }
}
