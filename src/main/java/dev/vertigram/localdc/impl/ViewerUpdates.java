package dev.vertigram.localdc.impl;

import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The updates one call makes for each viewer, gathered in order with what they mention (given by the caller, who
 * knows it without walking each update again), then turned into one {@code updates} object per viewer: its users and
 * chats are built once, as the viewer sees them when the object is made. Call under the world lock.
 */
final class ViewerUpdates {

  private final Map<Long, Gathered> byViewer = new LinkedHashMap<>();

  private static final class Gathered {
    final List<JsonObject> updates = new ArrayList<>();
    final Social.Refs refs = new Social.Refs();
  }

  /** Adds {@code update}, which mentions {@code refs} (null: nothing), to {@code viewer}'s updates. */
  ViewerUpdates add(long viewer, JsonObject update, Social.Refs refs) {
    Gathered g = byViewer.computeIfAbsent(viewer, v -> new Gathered());
    g.updates.add(update);
    if (refs != null) {
      g.refs.add(refs);
    }
    return this;
  }

  /** {@code viewer}'s updates in one {@code updates} object (seq 0, see {@link Social#updates}). */
  JsonObject updates(TlViews views, long viewer, int date) {
    Gathered g = byViewer.get(viewer);
    return Social.updates(views, viewer, g.updates, g.refs, date, 0);
  }

  /** One push of an {@code updates} object per viewer, in the order of their first update. */
  List<Social.Push> pushes(TlViews views, int date) {
    List<Social.Push> out = new ArrayList<>(byViewer.size());
    for (long viewer : byViewer.keySet()) {
      out.add(new Social.Push(viewer, updates(views, viewer, date)));
    }
    return out;
  }
}
