package dev.vertigram.updates.impl;

import dev.vertigram.storage.StringMap;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/** Loads and saves an EventHandler's @Persistent fields as {@code {"v": value}} JSON under "Class.field". */
public final class PersistentFields {

  private final Object target;
  private final List<Field> fields;
  private final StringMap map;

  /** The fields of {@code target}, kept in {@code map}. */
  public PersistentFields(Object target, List<Field> fields, StringMap map) {
    this.target = target;
    this.fields = fields;
    this.map = map;
  }

  private String key(Field f) {
    return target.getClass().getSimpleName() + "." + f.getName();
  }

  /** Sets every field that has a saved value. */
  public Future<Void> load() {
    List<Future<Void>> all = new ArrayList<>();
    for (Field f : fields) {
      all.add(map.get(key(f)).map(buf -> {
        if (buf != null) {
          set(f, new JsonObject(buf).getValue("v"));
        }
        return null;
      }));
    }
    return Future.all(all).mapEmpty();
  }

  /** Saves every field now. */
  public Future<Void> save() {
    List<Future<Void>> all = new ArrayList<>();
    for (Field f : fields) {
      try {
        all.add(map.put(key(f), new JsonObject().put("v", f.get(target)).toBuffer()));
      } catch (IllegalAccessException | IllegalStateException e) {
        all.add(Future.failedFuture(e));
      }
    }
    return Future.all(all).mapEmpty();
  }

  private void set(Field f, Object v) {
    try {
      Class<?> t = f.getType();
      if (v instanceof Number n) {
        if (t == int.class || t == Integer.class) {
          v = n.intValue();
        } else if (t == long.class || t == Long.class) {
          v = n.longValue();
        } else if (t == double.class || t == Double.class) {
          v = n.doubleValue();
        }
      }
      if (v != null || !t.isPrimitive()) {
        f.set(target, v);
      }
    } catch (IllegalAccessException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot restore @Persistent field " + f + ": " + e.getMessage(), e);
    }
  }
}
