package dev.vertigram.tl;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Checked conversions from JSON values to what the TL writer needs, for the encoder. */
final class TlValues {

  private static final double TWO_63 = 0x1p63;

  private TlValues() {}

  static int toInt(Object v) {
    if (v instanceof Integer i) {
      return i;
    }
    long l = toLong(v, "int");
    if ((int) l != l) {
      throw new TlException("value " + v + " out of int range");
    }
    return (int) l;
  }

  static long toLong(Object v) {
    return toLong(v, "long");
  }

  static double toDouble(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw wrongType("double", v);
  }

  static boolean toBool(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    throw wrongType("Bool (true/false)", v);
  }

  /** A Buffer or byte[] as it is, or a base64 string (standard or URL alphabet, padding optional) decoded. */
  static Object toBytes(Object v, String type) {
    if (v instanceof Buffer || v instanceof byte[]) {
      return v;
    }
    if (v instanceof String s) {
      try {
        return Base64.getDecoder().decode(s.replace('-', '+').replace('_', '/'));
      } catch (IllegalArgumentException e) {
        throw new TlException("expected " + type + " (Buffer, byte[] or base64), got a string that is not base64");
      }
    }
    throw wrongType(type + " (Buffer, byte[] or base64)", v);
  }

  static int length(Object bytes) {
    return bytes instanceof Buffer b ? b.length() : ((byte[]) bytes).length;
  }

  /** The value as a JsonObject (a Map is wrapped), or null when it is neither. */
  @SuppressWarnings("unchecked")
  static JsonObject object(Object v) {
    if (v instanceof JsonObject o) {
      return o;
    }
    return v instanceof Map<?, ?> m ? new JsonObject((Map<String, Object>) m) : null;
  }

  /** The {@code "_"} of a JSON value if it is a string, else null. */
  static String name(JsonObject o) {
    return o.getMap().get("_") instanceof String s ? s : null;
  }

  /** The value as a list (a JsonArray is unwrapped), or a TlException. */
  static List<?> list(Object v, String type) {
    if (v instanceof JsonArray a) {
      return a.getList();
    }
    if (v instanceof List<?> l) {
      return l;
    }
    throw wrongType(type + " (JsonArray)", v);
  }

  static TlException wrongType(String expected, Object v) {
    return new TlException("expected " + expected + ", got " + describe(v));
  }

  static String describe(Object v) {
    if (v == null) {
      return "nothing";
    }
    String text = String.valueOf(v);
    return v.getClass().getSimpleName() + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
  }

  private static long toLong(Object v, String type) {
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof BigInteger b) {
      if (b.bitLength() > 63) {
        throw new TlException("value " + v + " out of " + type + " range");
      }
      return b.longValue();
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      if (d != Math.rint(d) || Math.abs(d) >= TWO_63) {
        throw new TlException("value " + v + " is not a " + type);
      }
      return (long) d;
    }
    throw wrongType(type, v);
  }
}
