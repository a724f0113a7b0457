package dev.vertigram.tl;

import dev.vertigram.tl.TlType.Kind;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * JSON to TL bytes, driven by the compiled plans. Flags words are recomputed from the fields present; the
 * {@code bytes} of a container message is computed from its body. Stateless and thread-safe.
 */
final class TlEncoder {

  private static final TlType INT = new TlType(Kind.INT, "int", null);
  private static final TlType LONG = new TlType(Kind.LONG, "long", null);
  private static final TlType DOUBLE = new TlType(Kind.DOUBLE, "double", null);
  private static final TlType STRING = new TlType(Kind.STRING, "string", null);
  private static final TlType BYTES = new TlType(Kind.BYTES, "bytes", null);
  private static final TlType BOOL = new TlType(Kind.BOOL, "Bool", null);

  private final TlSchema schema;
  private final TlCombinator message;
  private final TlType object;

  TlEncoder(TlSchema schema) {
    this.schema = schema;
    this.message = schema.containerMessage;
    this.object = schema.object;
  }

  /** A boxed constructor or method named by {@code "_"}. */
  void writeObject(JsonObject v, TlWriter out) {
    write(object, v, out);
  }

  /** The fields of a bare constructor. */
  void writeBare(TlCombinator c, JsonObject v, TlWriter out) {
    writeFields(c, v, out);
  }

  /** The answer to {@code method}, in the wrapped form {@link TlDecoder#readResult} gives. */
  void writeResult(TlCombinator method, JsonObject result, TlWriter out) {
    if (method.result == null) {
      throw new TlException("the result type of generic method " + method.name() + " is the one of its query");
    }
    String name = TlValues.name(result);
    if ("rpc_error".equals(name)) {
      writeObject(result, out);
    } else if (method.result.isVector()) {
      write(method.result, result.getMap().get("value"), out);
    } else if (method.result.kind == Kind.BOOL) {
      write(method.result, "boolTrue".equals(name) ? Boolean.TRUE : "boolFalse".equals(name) ? Boolean.FALSE : result,
          out);
    } else {
      write(method.result, result, out);
    }
  }

  private void write(TlType t, Object v, TlWriter out) {
    switch (t.kind) {
      case INT -> out.writeInt(TlValues.toInt(v));
      case LONG -> out.writeLong(TlValues.toLong(v));
      case DOUBLE -> out.writeDouble(TlValues.toDouble(v));
      case STRING -> {
        if (v instanceof String s) {
          out.writeString(s);
        } else {
          writeBytes(TlValues.toBytes(v, "string"), out);
        }
      }
      case BYTES -> writeBytes(TlValues.toBytes(v, "bytes"), out);
      case INT128, INT256 -> writeFixed(t, v, out);
      case BOOL -> out.writeInt(TlValues.toBool(v) ? TlType.BOOL_TRUE_ID : TlType.BOOL_FALSE_ID);
      case VECTOR -> writeElements(t.elem, TlValues.list(v, t.name), out.writeInt(TlType.VECTOR_ID));
      case BARE_VECTOR -> writeElements(t.elem, TlValues.list(v, t.name), out);
      case BARE -> {
        JsonObject o = objectValue(v, t);
        if (t.bare == message) {
          writeMessage(o, out);
        } else {
          writeFields(t.bare, o, out);
        }
      }
      case BOXED, OBJECT, QUERY -> writeBoxed(t, v, out);
      default -> throw new TlException("cannot write a value of type " + t.name);
    }
  }

  private void writeBoxed(TlType t, Object v, TlWriter out) {
    if (t.kind != Kind.BOXED && (v instanceof Buffer || v instanceof byte[])) {
      // An already serialized object or query, written as it is.
      if (v instanceof Buffer b) {
        out.writeRaw(b);
      } else {
        out.writeRaw((byte[]) v);
      }
      return;
    }
    JsonObject o = objectValue(v, t);
    String name = TlValues.name(o);
    if (name == null) {
      throw new TlException("missing \"_\" (the constructor name) in a value of type " + t.name);
    }
    if (t.kind == Kind.OBJECT && name.equals("vector")) {
      writeInferredVector(o.getMap().get("value"), out);
      return;
    }
    TlCombinator c = t.kind == Kind.QUERY ? schema.method(name) : schema.constructor(name);
    if (c == null && t.kind == Kind.OBJECT) {
      c = schema.method(name);
    }
    if (c == null) {
      boolean known = schema.constructor(name) != null || schema.method(name) != null;
      String expected = t.kind == Kind.QUERY ? "a method" : "type " + t.name;
      throw new TlException(known ? name + " is not " + (t.kind == Kind.QUERY ? "" : "of ") + expected
          : "unknown constructor '" + name + "' for " + expected);
    }
    if (t.kind == Kind.BOXED && c.result != t) {
      throw new TlException("constructor " + name + " has type " + c.type() + ", not " + t.name);
    }
    out.writeInt(c.id());
    writeFields(c, o, out);
  }

  private void writeFields(TlCombinator c, JsonObject o, TlWriter out) {
    TlParam[] plan = c.plan;
    // Walk the fields present (usually far fewer than the parameters) rather than looking every parameter up.
    Object[] values = new Object[plan.length];
    for (Map.Entry<String, Object> e : o.getMap().entrySet()) {
      Integer index = c.paramIndex.get(e.getKey());
      if (index != null) {
        values[index] = e.getValue();
      }
    }
    long flags = 0;
    int i = 0;
    try {
      for (; i < plan.length; i++) {
        TlParam p = plan[i];
        if (p.mask != 0 && values[i] != null && (p.compiled.kind != Kind.TRUE || TlValues.toBool(values[i]))) {
          flags |= p.mask;
        }
      }
      for (i = 0; i < plan.length; i++) {
        TlParam p = plan[i];
        Kind kind = p.compiled.kind;
        if (kind == Kind.FLAGS) {
          out.writeInt((int) (flags >>> (32 * p.slot)));
        } else if (kind != Kind.TRUE && (p.mask == 0 || (flags & p.mask) != 0)) {
          if (values[i] == null) {
            throw new TlException(p.mask == 0 ? "missing required field of type " + p.type()
                : "missing field of type " + p.type() + ": " + p.flagField() + "." + p.flagBit()
                    + " is set by another field sharing the bit");
          }
          write(p.compiled, values[i], out);
        }
      }
    } catch (TlException e) {
      throw e.inField(c.name(), plan[i].name());
    }
  }

  private void writeElements(TlType elem, List<?> list, TlWriter out) {
    out.writeInt(list.size());
    for (int i = 0; i < list.size(); i++) {
      try {
        Object e = list.get(i);
        if (e == null) {
          throw new TlException("null element in a vector of " + elem.name);
        }
        write(elem, e, out);
      } catch (TlException e) {
        throw e.inElement(i);
      }
    }
  }

  /** {@code {"_":"vector","value":[...]}} in an Object position: element types follow the Java values. */
  private void writeInferredVector(Object value, TlWriter out) {
    List<?> list = TlValues.list(value, "vector value");
    out.writeInt(TlType.VECTOR_ID).writeInt(list.size());
    for (int i = 0; i < list.size(); i++) {
      Object e = list.get(i);
      TlType t = e instanceof Integer ? INT : e instanceof Long ? LONG : e instanceof Double ? DOUBLE
          : e instanceof String ? STRING : e instanceof Boolean ? BOOL
          : e instanceof Buffer || e instanceof byte[] ? BYTES : object;
      try {
        write(t, e, out);
      } catch (TlException ex) {
        throw ex.inElement(i);
      }
    }
  }

  /** Bare {@code message}: {@code bytes} is the length of the body as written. */
  private void writeMessage(JsonObject m, TlWriter out) {
    String field = "msg_id";
    try {
      out.writeLong(TlValues.toLong(required(m, field)));
      field = "seqno";
      out.writeInt(TlValues.toInt(required(m, field)));
      int lengthAt = out.size();
      out.writeInt(0);
      field = "body";
      write(object, required(m, field), out);
      out.setInt(lengthAt, out.size() - lengthAt - 4);
    } catch (TlException e) {
      throw e.inField(message.name(), field);
    }
  }

  private static Object required(JsonObject o, String field) {
    Object v = o.getMap().get(field);
    if (v == null) {
      throw new TlException("missing required field");
    }
    return v;
  }

  private static void writeBytes(Object bytes, TlWriter out) {
    if (bytes instanceof Buffer b) {
      out.writeBytes(b);
    } else {
      out.writeBytes((byte[]) bytes);
    }
  }

  private static void writeFixed(TlType t, Object v, TlWriter out) {
    Object bytes = TlValues.toBytes(v, t.name);
    int size = t.kind == Kind.INT128 ? 16 : 32;
    if (TlValues.length(bytes) != size) {
      throw new TlException("expected " + size + " bytes for " + t.name + ", got " + TlValues.length(bytes));
    }
    if (bytes instanceof Buffer b) {
      out.writeRaw(b);
    } else {
      out.writeRaw((byte[]) bytes);
    }
  }

  private static JsonObject objectValue(Object v, TlType t) {
    JsonObject o = TlValues.object(v);
    if (o == null) {
      throw TlValues.wrongType(t.name + " (JsonObject)", v);
    }
    return o;
  }
}
