package dev.vertigram.tl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Strict JSON comparison on the raw values: unlike JsonObject.equals, an Integer never equals a Long and a Buffer
 * never equals its base64 string. Key order does not matter.
 */
final class JsonAssert {

  private JsonAssert() {}

  static void assertSameJson(Object expected, Object actual) {
    compare(expected, actual, "$");
  }

  private static void compare(Object e, Object a, String path) {
    if (e instanceof JsonObject eo && a instanceof JsonObject ao) {
      assertEquals(eo.fieldNames(), ao.fieldNames(), path + ": keys");
      for (String k : eo.fieldNames()) {
        compare(eo.getMap().get(k), ao.getMap().get(k), path + "." + k);
      }
    } else if (e instanceof JsonArray ea && a instanceof JsonArray aa) {
      assertEquals(ea.size(), aa.size(), path + ": size");
      for (int i = 0; i < ea.size(); i++) {
        compare(ea.getList().get(i), aa.getList().get(i), path + "[" + i + "]");
      }
    } else if (e instanceof Buffer eb && a instanceof Buffer ab) {
      assertEquals(hex(eb), hex(ab), path);
    } else if (e == null || a == null || e.getClass() != a.getClass() || !e.equals(a)) {
      fail(path + ": expected " + describe(e) + " but was " + describe(a));
    }
  }

  private static String describe(Object v) {
    return v == null ? "null" : v.getClass().getSimpleName() + " " + v;
  }

  static String hex(Buffer b) {
    return hex(b.getBytes());
  }

  static String hex(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (byte x : b) {
      sb.append(String.format("%02x", x));
    }
    return sb.toString();
  }

  static byte[] unhex(String s) {
    String h = s.replaceAll("\\s+", "");
    byte[] out = new byte[h.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }
}
