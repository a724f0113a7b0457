package dev.vertigram.storage.impl;

import io.vertx.core.json.JsonObject;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads one JSON section of the store options, checking every value. A wrong value throws an
 * {@link IllegalArgumentException} naming the key (with its section, e.g. {@code pg.port}) and what is expected.
 */
public final class ConfigReader {

  private final JsonObject json;
  private final String prefix;

  /** Reads {@code json} (null = empty) whose keys must all be in {@code known}; {@code section} is "" or "pg". */
  public ConfigReader(JsonObject json, String section, String... known) {
    this.json = json == null ? new JsonObject() : json;
    this.prefix = section.isEmpty() ? "" : section + ".";
    Set<String> unknown = new TreeSet<>(this.json.fieldNames());
    unknown.removeAll(List.of(known));
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("store option '" + prefix + unknown.iterator().next()
        + "': unknown key (expected one of " + String.join(", ", new TreeSet<>(Arrays.asList(known))) + ")");
    }
  }

  /** A string matching {@code pattern} ({@code what} describes it), or {@code def} when absent. */
  public String string(String key, String def, Pattern pattern, String what) {
    Object v = json.getValue(key);
    if (v == null) {
      return def;
    }
    if (!(v instanceof String s) || (pattern != null && !pattern.matcher(s).matches())) {
      throw bad(key, what, v);
    }
    return s;
  }

  /** A string that is never shown in messages (a password), or {@code def} when absent. */
  public String secret(String key, String def) {
    Object v = json.getValue(key);
    if (v != null && !(v instanceof String)) {
      throw new IllegalArgumentException("store option '" + prefix + key + "': expected a string, got a "
        + v.getClass().getSimpleName());
    }
    return v == null ? def : (String) v;
  }

  /** An integer in [min, max], or {@code def} when absent. */
  public int integer(String key, int def, int min, int max, String unit) {
    Object v = json.getValue(key);
    if (v == null) {
      return def;
    }
    String what = "an integer " + unit + " from " + min + " to " + max;
    if (!(v instanceof Number n) || n.doubleValue() != n.longValue() || n.longValue() < min || n.longValue() > max) {
      throw bad(key, what, v);
    }
    return n.intValue();
  }

  /** A boolean, or {@code def} when absent. */
  public boolean bool(String key, boolean def) {
    Object v = json.getValue(key);
    if (v == null) {
      return def;
    }
    if (!(v instanceof Boolean b)) {
      throw bad(key, "true or false", v);
    }
    return b;
  }

  /** One of {@code names} (returned as its index), or {@code def} when absent. */
  public int choice(String key, int def, String... names) {
    Object v = json.getValue(key);
    if (v == null) {
      return def;
    }
    int i = Arrays.asList(names).indexOf(v);
    if (i < 0) {
      throw bad(key, "one of " + String.join(", ", names), v);
    }
    return i;
  }

  /** A nested section, or null when absent. */
  public JsonObject object(String key) {
    Object v = json.getValue(key);
    if (v != null && !(v instanceof JsonObject)) {
      throw bad(key, "a JSON object", v);
    }
    return (JsonObject) v;
  }

  private IllegalArgumentException bad(String key, String what, Object got) {
    String shown = got instanceof String ? "\"" + got + "\"" : String.valueOf(got);
    return new IllegalArgumentException("store option '" + prefix + key + "': expected " + what + ", got " + shown);
  }
}
