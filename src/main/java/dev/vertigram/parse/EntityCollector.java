package dev.vertigram.parse;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the entities a parser finds and hands them out in Telegram's order. */
final class EntityCollector {

  private static final Comparator<JsonObject> ORDER = Comparator
    .comparingInt((JsonObject e) -> e.getInteger("offset"))
    .thenComparingInt(e -> -e.getInteger("length"))
    .thenComparingInt(e -> EntityKind.of(e.getString("_")).priority);

  private final List<JsonObject> entities = new ArrayList<>();

  /** Adds an entity and returns it, for the caller to put its attributes. */
  JsonObject add(EntityKind kind, int offset, int length) {
    JsonObject entity = new JsonObject().put("_", kind.tlName).put("offset", offset).put("length", length);
    entities.add(entity);
    return entity;
  }

  /** The entity added last, or null. */
  JsonObject last() {
    return entities.isEmpty() ? null : entities.get(entities.size() - 1);
  }

  void removeLast() {
    entities.remove(entities.size() - 1);
  }

  /** The entities ordered by offset, then longest first, then by Telegram's type priority (stable). */
  JsonArray toJson() {
    List<JsonObject> sorted = new ArrayList<>(entities);
    sorted.sort(ORDER);
    return new JsonArray(new ArrayList<>(sorted));
  }
}
