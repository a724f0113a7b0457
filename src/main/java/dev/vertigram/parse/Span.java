package dev.vertigram.parse;

import io.vertx.core.json.JsonObject;

/**
 * One entity being formatted: its kind, its range {@code [start, end)} in UTF-16 units, the source entity (for its
 * attributes: url, language, user id...) and those attributes as a string (a tie-breaker independent of the order of
 * the entities).
 */
final class Span {

  final EntityKind kind;
  final int start;
  final int end;
  final JsonObject entity;
  final String attributes;

  Span(EntityKind kind, int start, int end, JsonObject entity, String attributes) {
    this.kind = kind;
    this.start = start;
    this.end = end;
    this.entity = entity;
    this.attributes = attributes;
  }

  /** The same entity over another range. */
  Span withRange(int newStart, int newEnd) {
    return new Span(kind, newStart, newEnd, entity, attributes);
  }

  boolean overlaps(int from, int to) {
    return start < to && from < end;
  }

  /** Whether this span covers all of {@code [from, to)}. */
  boolean covers(int from, int to) {
    return start <= from && to <= end;
  }

  @Override
  public String toString() {
    return kind + "[" + start + "," + end + ")";
  }
}
