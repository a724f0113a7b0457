package dev.vertigram.tl;

import dev.vertigram.tl.TlType.Kind;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random values of any schema type, in the canonical JSON form the decoder produces (so a round trip must give them
 * back unchanged). Near the root everything is random; below {@link #SHALLOW} levels the generator picks the
 * cheapest constructors, leaves optional fields out and vectors empty, so values stay small and finite.
 */
final class TlValueGenerator {

  /** Chooses the top-level flag bits: {@code slot} is 0 for {@code flags}, 1 for {@code flags2}. */
  interface Bits {
    boolean on(int slot, int bit);
  }

  static final int SHALLOW = 3;
  /** ASCII, Cyrillic, CJK and an astral emoji: 1- to 4-byte UTF-8 sequences. */
  private static final int[] LETTERS = "abcxyz019 _-АБВжщ€中文😀".codePoints().toArray();
  private static final int INF = Integer.MAX_VALUE / 4;

  private final TlSchema schema;
  private final TlCodec codec;
  private final Random rnd;
  private final List<TlCombinator> objects = new ArrayList<>();
  private final List<TlCombinator> queries = new ArrayList<>();
  private final Map<TlCombinator, Integer> cost = new HashMap<>();

  TlValueGenerator(TlCodec codec, long seed) {
    this.schema = codec.schema();
    this.codec = codec;
    this.rnd = new Random(seed);
    for (TlCombinator c : schema.constructors()) {
      // gzip_packed would be inflated on decode, so random packed_data cannot round-trip.
      if (c.id() != TlType.GZIP_ID) {
        objects.add(c);
      }
    }
    queries.addAll(schema.methods());
    computeCosts();
  }

  /** A boxed value of {@code c} with random fields. */
  JsonObject random(TlCombinator c) {
    return combinator(c, (slot, bit) -> rnd.nextBoolean(), 0, true);
  }

  /** A boxed value of {@code c} whose top-level flag bits are chosen by {@code bits}; nested values are random. */
  JsonObject withBits(TlCombinator c, Bits bits) {
    return combinator(c, bits, 0, true);
  }

  /** A random answer to {@code method}, wrapped as {@link TlCodec#decodeResult} returns it. */
  JsonObject result(TlCombinator method) {
    Object v = value(method.result, 1);
    if (v instanceof JsonObject o) {
      return o;
    }
    if (v instanceof Boolean b) {
      return new JsonObject().put("_", b ? "boolTrue" : "boolFalse");
    }
    return new JsonObject().put("_", "vector").put("value", v);
  }

  /** The distinct flag bits of {@code c}, as {@code slot * 32 + bit}. */
  static List<Integer> flagBits(TlCombinator c) {
    List<Integer> bits = new ArrayList<>();
    for (TlParam p : c.plan) {
      int key = p.flagSlot * 32 + p.flagBit();
      if (p.isConditional() && !bits.contains(key)) {
        bits.add(key);
      }
    }
    return bits;
  }

  Object value(TlType t, int depth) {
    boolean shallow = depth < SHALLOW;
    switch (t.kind) {
      case INT:
        return rnd.nextInt(4) == 0 ? rnd.nextInt(3) - 1 : rnd.nextInt();
      case LONG:
        return rnd.nextLong();
      case DOUBLE:
        return rnd.nextInt(4) == 0 ? 0.5 : rnd.nextGaussian() * 1e6;
      case STRING:
        return string();
      case BYTES:
        return bytes(length());
      case INT128:
        return bytes(16);
      case INT256:
        return bytes(32);
      case BOOL:
        return rnd.nextBoolean();
      case VECTOR:
      case BARE_VECTOR:
        JsonArray a = new JsonArray();
        for (int n = shallow ? rnd.nextInt(3) : 0; n > 0; n--) {
          a.add(value(t.elem, depth + 1));
        }
        return a;
      case BARE:
        return t.bare == schema.containerMessage ? message(depth) : combinator(t.bare, bits(shallow), depth, false);
      case BOXED:
        return combinator(shallow ? pick(t.constructors) : cheapest(t.constructors), bits(shallow), depth, true);
      case OBJECT:
        return combinator(shallow ? pick(objects) : cheapest(objects), bits(shallow), depth, true);
      case QUERY:
        return combinator(shallow ? pick(queries) : cheapest(queries), bits(shallow), depth, true);
      default:
        throw new IllegalArgumentException("no values for " + t);
    }
  }

  private JsonObject combinator(TlCombinator c, Bits bits, int depth, boolean boxed) {
    JsonObject o = new JsonObject();
    if (boxed) {
      o.put("_", c.name());
    }
    Map<Integer, Boolean> chosen = new HashMap<>();
    for (TlParam p : c.plan) {
      if (p.compiled.kind == Kind.FLAGS) {
        continue;
      }
      if (p.isConditional()
          && !chosen.computeIfAbsent(p.flagSlot * 32 + p.flagBit(), k -> bits.on(p.flagSlot, p.flagBit()))) {
        continue;
      }
      o.put(p.name(), p.compiled.kind == Kind.TRUE ? Boolean.TRUE : value(p.compiled, depth + 1));
    }
    return o;
  }

  private JsonObject message(int depth) {
    JsonObject body = (JsonObject) value(schema.object, depth + 1);
    return new JsonObject().put("msg_id", rnd.nextLong()).put("seqno", rnd.nextInt())
        .put("bytes", codec.encode(body).length()).put("body", body);
  }

  private Bits bits(boolean shallow) {
    return shallow ? (slot, bit) -> rnd.nextBoolean() : (slot, bit) -> false;
  }

  private TlCombinator pick(List<TlCombinator> list) {
    return list.get(rnd.nextInt(list.size()));
  }

  private TlCombinator cheapest(List<TlCombinator> list) {
    TlCombinator best = list.get(0);
    for (TlCombinator c : list) {
      if (cost.get(c) < cost.get(best)) {
        best = c;
      }
    }
    return best;
  }

  private String string() {
    int n = length();
    StringBuilder sb = new StringBuilder(n);
    while (sb.length() < n) {
      sb.appendCodePoint(LETTERS[rnd.nextInt(LETTERS.length)]);
    }
    return sb.toString();
  }

  /** Mostly short, sometimes around the 253/254 boundary of the TL length prefix. */
  private int length() {
    return rnd.nextInt(10) == 0 ? 250 + rnd.nextInt(8) : rnd.nextInt(12);
  }

  private Buffer bytes(int n) {
    byte[] b = new byte[n];
    rnd.nextBytes(b);
    return Buffer.buffer(b);
  }

  /** cost(c) = 1 + the costs of its required fields; a fixpoint, so recursive types get their finite way out. */
  private void computeCosts() {
    List<TlCombinator> all = new ArrayList<>(schema.constructors());
    all.addAll(schema.methods());
    TlCombinator bareMessage = schema.containerMessage;
    if (bareMessage != null) {
      all.add(bareMessage);
    }
    all.forEach(c -> cost.put(c, INF));
    boolean changed = true;
    while (changed) {
      changed = false;
      for (TlCombinator c : all) {
        long sum = 1;
        for (TlParam p : c.plan) {
          sum += p.isConditional() ? 0 : typeCost(p.compiled);
        }
        int v = (int) Math.min(INF, sum);
        if (v < cost.get(c)) {
          cost.put(c, v);
          changed = true;
        }
      }
    }
  }

  private int typeCost(TlType t) {
    return switch (t.kind) {
      case BOXED -> cost.get(cheapest(t.constructors));
      case BARE -> cost.get(t.bare);
      case OBJECT -> cost.get(cheapest(objects));
      case QUERY -> cost.get(cheapest(queries));
      default -> 0;
    };
  }
}
