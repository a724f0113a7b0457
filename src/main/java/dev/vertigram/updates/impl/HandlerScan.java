package dev.vertigram.updates.impl;

import dev.vertigram.updates.Cron;
import dev.vertigram.updates.Handler;
import dev.vertigram.updates.Persistent;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The reflective shape of an EventHandler class, found once: {@code onUpdateXxx(JsonObject)} methods by update
 * constructor, {@link Handler} methods with their parsed filters, {@link Cron} methods and {@link Persistent} fields.
 */
public final class HandlerScan {

  /** A {@link Handler} method and its filter. */
  public record Filtered(Method method, Predicate<JsonObject> filter) {
  }

  /** A {@link Cron} method and its period in milliseconds. */
  public record Timed(Method method, long periodMs) {
  }

  public final Map<String, Method> byConstructor = new HashMap<>();
  public final List<Filtered> handlers = new ArrayList<>();
  public final List<Timed> crons = new ArrayList<>();
  public final List<Field> persistent = new ArrayList<>();

  /** Scans {@code type} and its superclasses below {@code stop}; bad declarations throw IllegalArgumentException. */
  public HandlerScan(Class<?> type, Class<?> stop, FilterParser.Context context) {
    for (Class<?> c = type; c != null && c != stop; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        scanMethod(m, context);
      }
      for (Field f : c.getDeclaredFields()) {
        if (f.isAnnotationPresent(Persistent.class)) {
          if (Modifier.isStatic(f.getModifiers()) || Modifier.isFinal(f.getModifiers())) {
            throw new IllegalArgumentException("@Persistent field " + f + " must be neither static nor final");
          }
          f.setAccessible(true);
          persistent.add(f);
        }
      }
    }
  }

  private void scanMethod(Method m, FilterParser.Context context) {
    boolean oneJson = m.getParameterCount() == 1 && m.getParameterTypes()[0] == JsonObject.class;
    Handler h = m.getAnnotation(Handler.class);
    Cron cron = m.getAnnotation(Cron.class);
    if (h != null) {
      require(oneJson, m, "@Handler methods take one JsonObject");
      m.setAccessible(true);
      handlers.add(new Filtered(m, FilterParser.parse(h.value(), context)));
    } else if (cron != null) {
      require(m.getParameterCount() == 0, m, "@Cron methods take no argument");
      require(cron.period() > 0, m, "@Cron period must be > 0");
      m.setAccessible(true);
      crons.add(new Timed(m, Math.max(1, Math.round(cron.period() * 1000))));
    } else if (oneJson && m.getName().startsWith("onUpdate") && !m.isBridge()) {
      m.setAccessible(true);
      String name = m.getName().substring(2);
      byConstructor.putIfAbsent(Character.toLowerCase(name.charAt(0)) + name.substring(1), m);
    }
  }

  private static void require(boolean ok, Method m, String what) {
    if (!ok) {
      throw new IllegalArgumentException(what + ": " + m);
    }
  }
}
