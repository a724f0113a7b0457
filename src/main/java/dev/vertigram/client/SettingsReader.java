package dev.vertigram.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads one section of the {@link Settings} JSON, checking each value. A wrong value throws an
 * {@link IllegalArgumentException} naming the full key path ({@code settings.rpc.floodWaitLimit}) and what is expected.
 * Secret values are never shown in messages.
 */
final class SettingsReader {

  private final JsonObject json;
  private final String path;

  SettingsReader(Object section, String path, String... known) {
    if (section != null && !(section instanceof JsonObject)) {
      throw bad(path, "a JSON object", section);
    }
    this.json = section == null ? new JsonObject() : (JsonObject) section;
    this.path = path;
    Set<String> unknown = new TreeSet<>(json.fieldNames());
    unknown.removeAll(List.of(known));
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(path + "." + unknown.iterator().next() + ": unknown key (expected one of "
          + String.join(", ", new TreeSet<>(Arrays.asList(known))) + ")");
    }
  }

  boolean has(String key) {
    return json.getValue(key) != null;
  }

  String key(String key) {
    return path + "." + key;
  }

  SettingsReader section(String key, String... known) {
    return new SettingsReader(json.getValue(key), key(key), known);
  }

  /** The raw sub-object, or an empty one. */
  JsonObject object(String key) {
    Object v = json.getValue(key);
    if (v != null && !(v instanceof JsonObject)) {
      throw bad(key(key), "a JSON object", v);
    }
    return v == null ? new JsonObject() : (JsonObject) v;
  }

  JsonArray array(String key) {
    Object v = json.getValue(key);
    if (v != null && !(v instanceof JsonArray)) {
      throw bad(key(key), "a JSON array", v);
    }
    return v == null ? new JsonArray() : (JsonArray) v;
  }

  String string(String key, String def, String what) {
    Object v = json.getValue(key);
    if (v == null) {
      return def;
    }
    if (!(v instanceof String s) || s.isEmpty()) {
      throw bad(key(key), what, v);
    }
    return s;
  }

  /** A string, possibly empty. */
  String text(String key, String def) {
    Object v = json.getValue(key);
    if (v != null && !(v instanceof String)) {
      throw bad(key(key), "a string", v);
    }
    return v == null ? def : (String) v;
  }

  /** A string never shown in messages (api_hash, bot token). */
  String secret(String key, String def, String what) {
    Object v = json.getValue(key);
    if (v != null && (!(v instanceof String s) || s.isEmpty())) {
      throw new IllegalArgumentException(key(key) + ": expected " + what + ", got "
          + (v instanceof String ? "an empty string" : "a " + v.getClass().getSimpleName()));
    }
    return v == null ? def : (String) v;
  }

  long integer(String key, long def, long min, long max, String what) {
    Object v = json.getValue(key);
    if (v == null) {
      return def;
    }
    if (!(v instanceof Number n) || n.doubleValue() != n.longValue() || n.longValue() < min || n.longValue() > max) {
      throw bad(key(key), what, v);
    }
    return n.longValue();
  }

  boolean bool(String key, boolean def) {
    Object v = json.getValue(key);
    if (v == null) {
      return def;
    }
    if (!(v instanceof Boolean b)) {
      throw bad(key(key), "true or false", v);
    }
    return b;
  }

  String choice(String key, String def, String... names) {
    Object v = json.getValue(key);
    if (v == null) {
      return def;
    }
    if (!Arrays.asList(names).contains(v)) {
      throw bad(key(key), "one of " + String.join(", ", names), v);
    }
    return (String) v;
  }

  static IllegalArgumentException bad(String path, String what, Object got) {
    String shown = got instanceof String ? "\"" + got + "\"" : String.valueOf(got);
    return new IllegalArgumentException(path + ": expected " + what + ", got " + shown);
  }
}
