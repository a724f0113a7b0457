package dev.vertigram.tl;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.function.LongFunction;

/**
 * TL bytes to and from Vert.x JSON, for one {@link TlSchema}. Thread-safe.
 *
 * <p>Mapping: {@code "_"} names the constructor or method exactly as in the schema. int → Integer, long → Long (encode
 * takes any integral Number, range-checked), double → Double, string → String, bytes/int128/int256 → Buffer (encode
 * also takes byte[] and base64 strings), Bool → Boolean, {@code flags.N?true} → Boolean true (false or absent: not
 * set), Vector/vector → JsonArray, other types → JsonObject. {@code flags}/{@code flags2} are never in the JSON:
 * computed on encode, dropped on decode. Absent optional fields are absent. Values of bare constructors carry no
 * {@code "_"}; the bare {@code message} of msg_container is {@code {"msg_id","seqno","bytes","body"}} ({@code bytes} is
 * computed on encode). In {@code Object} and {@code !X} positions an already serialized object may be given as a
 * Buffer or byte[]; in {@code Object} positions also {@code {"_":"vector","value":[...]}} (element types taken from the
 * Java values). Encode ignores keys that are not parameters.
 *
 * <p>On decode, gzip_packed at any boxed position is inflated (at most 32 MiB in all per call), nesting is bounded
 * (64) and every problem is a {@link TlException} naming the field path and offset.
 */
public final class TlCodec {

  private final TlSchema schema;
  private final TlEncoder encoder;

  /** A codec over {@code schema}. */
  public TlCodec(TlSchema schema) {
    this.schema = schema;
    this.encoder = new TlEncoder(schema);
  }

  /** The codec of {@link TlSchema#api()}. */
  public static TlCodec api() {
    return ApiHolder.CODEC;
  }

  /** The codec of {@link TlSchema#secret()}. */
  public static TlCodec secret() {
    return SecretHolder.CODEC;
  }

  /** The schema this codec follows. */
  public TlSchema schema() {
    return schema;
  }

  /** Serializes a boxed constructor or method call (id first). */
  public Buffer encode(JsonObject value) {
    TlWriter out = new TlWriter();
    encode(value, out);
    return out.toBuffer();
  }

  /** Serializes a boxed constructor or method call into {@code out}. */
  public void encode(JsonObject value, TlWriter out) {
    encoder.writeObject(value, out);
  }

  /** Serializes the fields of {@code constructor} without its id. */
  public void encodeBare(String constructor, JsonObject value, TlWriter out) {
    encoder.writeBare(known(schema.constructor(constructor), "constructor", constructor), value, out);
  }

  /** Serializes an answer to {@code method}, given as {@link #decodeResult} returns it. */
  public void encodeResult(String method, JsonObject result, TlWriter out) {
    encoder.writeResult(known(schema.method(method), "method", method), result, out);
  }

  /** Decodes one boxed object that must fill {@code buf}. */
  public JsonObject decode(Buffer buf) {
    TlReader in = new TlReader(buf);
    JsonObject v = decode(in);
    if (in.remaining() != 0) {
      throw in.error(in.remaining() + " bytes left after the object");
    }
    return v;
  }

  /** Decodes one boxed object (constructor or method call) and leaves the cursor after it. */
  public JsonObject decode(TlReader in) {
    return new TlDecoder(schema, null).readObject(in);
  }

  /**
   * Like {@link #decode(TlReader)}, and every rpc_result inside (containers and gzip included) is decoded with the
   * result type of the method that {@code resultMethodOf} names for its req_msg_id (null: decode as Object). Without
   * it, a vector result cannot be decoded, since vectors do not say what their elements are.
   */
  public JsonObject decode(TlReader in, LongFunction<String> resultMethodOf) {
    return new TlDecoder(schema, resultMethodOf).readObject(in);
  }

  /** Decodes the fields of a bare {@code constructor} (no id on the wire). */
  public JsonObject decodeBare(String constructor, TlReader in) {
    return new TlDecoder(schema, null).readBare(known(schema.constructor(constructor), "constructor", constructor), in);
  }

  /**
   * Decodes the answer to {@code methodName}: an rpc_error or a value of the method's result type. Vector results
   * come back as {@code {"_":"vector","value":[...]}}, Bool results as {@code {"_":"boolTrue"}} or
   * {@code {"_":"boolFalse"}}.
   */
  public JsonObject decodeResult(String methodName, TlReader in) {
    return new TlDecoder(schema, null).readResult(known(schema.method(methodName), "method", methodName), in, 0);
  }

  /**
   * The method whose result type answers {@code call}: its own name, or for generic wrappers ({@code invokeWithLayer},
   * {@code initConnection}, {@code invokeAfterMsg}, ... any {@code !X} query) the one of the query inside, which may
   * also be given as an already serialized Buffer.
   */
  public String resultMethod(JsonObject call) {
    String name = TlValues.name(call);
    TlCombinator m = known(name == null ? null : schema.method(name), "method", name);
    if (m.queryIndex < 0) {
      return m.name();
    }
    String field = m.plan[m.queryIndex].name();
    Object query = call.getMap().get(field);
    if (query instanceof Buffer b && b.length() >= 4) {
      return known(schema.method(b.getIntLE(0)), "method id", String.format("%08x", b.getIntLE(0))).name();
    }
    JsonObject inner = TlValues.object(query);
    if (inner != null) {
      return resultMethod(inner);
    }
    throw new TlException("missing query").inField(m.name(), field);
  }

  private static TlCombinator known(TlCombinator c, String what, String name) {
    if (c == null) {
      throw new TlException("unknown " + what + " '" + name + "'");
    }
    return c;
  }

  /** Lazy holder: built on first use. */
  private static final class ApiHolder {
    static final TlCodec CODEC = new TlCodec(TlSchema.api());
  }

  /** Lazy holder: built on first use. */
  private static final class SecretHolder {
    static final TlCodec CODEC = new TlCodec(TlSchema.secret());
  }
}
