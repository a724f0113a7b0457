package dev.vertigram.tl;

import dev.vertigram.tl.TlType.Kind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * TL bytes to JSON, driven by the compiled plans. One instance per decode call: it counts the bytes inflated from
 * gzip_packed, at most {@link GzipPacked#MAX_INFLATED} in all. Nesting is bounded by {@link #MAX_DEPTH} and vector counts are
 * checked against the bytes left before anything is allocated.
 */
final class TlDecoder {

  static final int MAX_DEPTH = 64;

  private final TlSchema schema;
  private final TlCombinator rpcResult;
  private final TlCombinator message;
  private final TlType object;
  /** Maps an rpc_result's req_msg_id to the name of the method it answers (null: decode as Object). */
  private final LongFunction<String> resultMethods;
  /** What gzip_packed may still inflate to in this call (a vector of gzip bombs shares one budget). */
  private int inflateBudget = GzipPacked.MAX_INFLATED;

  TlDecoder(TlSchema schema, LongFunction<String> resultMethods) {
    this.schema = schema;
    this.rpcResult = schema.rpcResult;
    this.message = schema.containerMessage;
    this.object = schema.object;
    this.resultMethods = resultMethods;
  }

  /** One boxed constructor or method. */
  JsonObject readObject(TlReader in) {
    return (JsonObject) read(object, in, 0);
  }

  /** The fields of a bare constructor. */
  JsonObject readBare(TlCombinator c, TlReader in) {
    return readFields(c, in, 0, false);
  }

  /**
   * The answer to {@code method}: an rpc_error, or a value of the method's result type; vectors come back as
   * {@code {"_":"vector","value":[...]}} and Bool as {@code {"_":"boolTrue"}} / {@code {"_":"boolFalse"}}.
   */
  JsonObject readResult(TlCombinator method, TlReader in, int depth) {
    if (method.result == null) {
      throw new TlException("the result type of generic method " + method.name()
          + " is the one of its query: decode with the inner method (TlCodec.resultMethod)");
    }
    int id = in.peekInt();
    if (id == TlType.GZIP_ID) {
      in.readInt();
      TlReader inner = inflate(in, depth);
      try {
        return readResult(method, inner, depth + 1);
      } catch (TlException e) {
        throw e.inGzip();
      }
    }
    if (id == TlType.RPC_ERROR_ID) {
      return readObject(in);
    }
    Object v = read(method.result, in, depth);
    if (v instanceof JsonObject o) {
      return o;
    }
    if (v instanceof Boolean b) {
      return new JsonObject().put("_", b ? "boolTrue" : "boolFalse");
    }
    return new JsonObject().put("_", "vector").put("value", v);
  }

  private Object read(TlType t, TlReader in, int depth) {
    switch (t.kind) {
      case INT:
        return in.readInt();
      case LONG:
        return in.readLong();
      case DOUBLE:
        return in.readDouble();
      case STRING:
        return in.readString();
      case BYTES:
        return in.readBuffer();
      case INT128:
        return in.readRawBuffer(16);
      case INT256:
        return in.readRawBuffer(32);
      case BARE_VECTOR:
        return readElements(t.elem, in, depth);
      case BARE:
        return t.bare == message ? readMessage(in, depth) : readFields(t.bare, in, depth, false);
      default:
        return readBoxed(t, in, depth);
    }
  }

  /** Kinds that start with an id: BOOL, VECTOR, BOXED, OBJECT, QUERY; any of them may come gzip_packed. */
  private Object readBoxed(TlType t, TlReader in, int depth) {
    int at = in.position();
    int id = in.readInt();
    if (id == TlType.GZIP_ID) {
      TlReader inner = inflate(in, depth);
      try {
        return read(t, inner, depth + 1);
      } catch (TlException e) {
        throw e.inGzip();
      }
    }
    switch (t.kind) {
      case BOOL:
        if (id == TlType.BOOL_TRUE_ID || id == TlType.BOOL_FALSE_ID) {
          return id == TlType.BOOL_TRUE_ID;
        }
        throw unexpected(id, t, at);
      case VECTOR:
        if (id != TlType.VECTOR_ID) {
          throw unexpected(id, t, at);
        }
        return readElements(t.elem, in, depth);
      case QUERY:
        return readCombinator(schema.method(id), id, t, in, depth, at);
      case OBJECT:
        TlCombinator c = schema.constructor(id);
        return readCombinator(c != null ? c : schema.method(id), id, t, in, depth, at);
      default:
        TlCombinator ctor = schema.constructor(id);
        return readCombinator(ctor != null && ctor.result == t ? ctor : null, id, t, in, depth, at);
    }
  }

  private JsonObject readCombinator(TlCombinator c, int id, TlType t, TlReader in, int depth, int at) {
    if (c == null) {
      throw unexpected(id, t, at);
    }
    if (c == rpcResult && resultMethods != null) {
      return readRpcResult(in, depth);
    }
    return readFields(c, in, depth, true);
  }

  private JsonObject readFields(TlCombinator c, TlReader in, int depth, boolean boxed) {
    if (depth >= MAX_DEPTH) {
      throw in.error("nesting deeper than " + MAX_DEPTH);
    }
    TlParam[] plan = c.plan;
    FieldMap map = new FieldMap(c.mapCapacity);
    if (boxed) {
      map.append("_", c.name());
    }
    long flags = 0;
    int i = 0;
    try {
      for (; i < plan.length; i++) {
        TlParam p = plan[i];
        if (p.mask != 0 && (flags & p.mask) == 0) {
          continue;
        }
        Kind kind = p.compiled.kind;
        if (kind == Kind.FLAGS) {
          flags |= (in.readInt() & 0xffffffffL) << (32 * p.slot);
        } else if (kind == Kind.TRUE) {
          map.append(p.name(), Boolean.TRUE);
        } else {
          map.append(p.name(), read(p.compiled, in, depth + 1));
        }
      }
    } catch (TlException e) {
      throw e.inField(c.name(), plan[i].name());
    }
    return new JsonObject(map);
  }

  private JsonArray readElements(TlType elem, TlReader in, int depth) {
    if (depth >= MAX_DEPTH) {
      throw in.error("nesting deeper than " + MAX_DEPTH);
    }
    int count = in.readInt();
    long need = (long) count * Math.max(1, elem.minSize);
    if (count < 0 || need > in.remaining()) {
      throw in.error("vector count " + count + " too large: needs at least " + need + " bytes, "
          + in.remaining() + " left");
    }
    List<Object> list = new ArrayList<>(count);
    int i = 0;
    try {
      for (; i < count; i++) {
        list.add(read(elem, in, depth + 1));
      }
    } catch (TlException e) {
      throw e.inElement(i);
    }
    return new JsonArray(list);
  }

  /** Bare {@code message} of a msg_container: the body must fill exactly the {@code bytes} it announces. */
  private JsonObject readMessage(TlReader in, int depth) {
    JsonObject m = new JsonObject();
    String field = "msg_id";
    try {
      m.put("msg_id", in.readLong());
      field = "seqno";
      m.put("seqno", in.readInt());
      field = "bytes";
      int bytes = in.readInt();
      if (bytes < 0 || bytes > in.remaining()) {
        throw in.error("body length " + bytes + " past the end: " + in.remaining() + " bytes left");
      }
      m.put("bytes", bytes);
      field = "body";
      TlReader body = in.split(bytes);
      m.put("body", read(object, body, depth + 1));
      if (body.remaining() != 0) {
        throw body.error(body.remaining() + " bytes left over in a body of " + bytes);
      }
    } catch (TlException e) {
      throw e.inField(message.name(), field);
    }
    return m;
  }

  private JsonObject readRpcResult(TlReader in, int depth) {
    JsonObject r = new JsonObject().put("_", rpcResult.name());
    String field = "req_msg_id";
    try {
      long reqMsgId = in.readLong();
      r.put("req_msg_id", reqMsgId);
      field = "result";
      String name = resultMethods.apply(reqMsgId);
      TlCombinator method = name == null ? null : schema.method(name);
      r.put("result", method == null || method.result == null
          ? read(object, in, depth + 1) : readResult(method, in, depth + 1));
    } catch (TlException e) {
      throw e.inField(rpcResult.name(), field);
    }
    return r;
  }

  private TlReader inflate(TlReader in, int depth) {
    if (depth >= MAX_DEPTH) {
      throw in.error("nesting deeper than " + MAX_DEPTH);
    }
    byte[] inflated = GzipPacked.inflate(in.readBytes(), inflateBudget, in);
    inflateBudget -= inflated.length;
    return new TlReader(inflated);
  }

  private TlException unexpected(int id, TlType t, int at) {
    TlCombinator c = schema.constructor(id);
    if (c == null) {
      c = schema.method(id);
    }
    String what = id == TlType.VECTOR_ID && t.kind == Kind.OBJECT
        ? "a vector (element type unknown: decode rpc_result with a result resolver)"
        : c == null ? String.format("unknown id %08x", id)
        : String.format("%s#%08x (%s)", c.name(), id, c.isMethod() ? "a method" : c.type());
    return new TlException(what + " where " + t.name + " was expected", at);
  }
}
