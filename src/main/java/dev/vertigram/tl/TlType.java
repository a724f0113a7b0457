package dev.vertigram.tl;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled type reference: what the encoder and decoder switch on. One instance per distinct type text in a schema,
 * so boxed types compare by identity.
 */
final class TlType {

  /** How a value of the type is laid out. */
  enum Kind {
    INT, LONG, DOUBLE, STRING, BYTES, INT128, INT256,
    /** {@code #}: a flags word, computed on encode. */
    FLAGS,
    /** {@code true}: no bytes, present iff its flag bit is set. */
    TRUE,
    /** Boxed {@code Bool}: boolTrue/boolFalse mapped to Java booleans. */
    BOOL,
    /** {@code Vector<T>}: vector id, count, elements. */
    VECTOR,
    /** {@code vector<T>}: count, elements. */
    BARE_VECTOR,
    /** A boxed type: constructor id then fields; only constructors of this type are accepted. */
    BOXED,
    /** A bare constructor reference such as {@code message}: fields only. */
    BARE,
    /** {@code Object}: any boxed constructor or method. */
    OBJECT,
    /** {@code !X}: a boxed method call. */
    QUERY
  }

  static final int VECTOR_ID = 0x1cb5c415;
  static final int BOOL_TRUE_ID = 0x997275b5;
  static final int BOOL_FALSE_ID = 0xbc799737;
  static final int GZIP_ID = 0x3072cfa1;
  static final int RPC_ERROR_ID = 0x2144ca19;

  final Kind kind;
  /** The type as written in the schema, for messages. */
  final String name;
  /** Element type of vectors. */
  final TlType elem;
  /** Constructors of a BOXED (or BOOL) type, in schema order. */
  final List<TlCombinator> constructors = new ArrayList<>();
  /** The constructor of a BARE reference (set while linking). */
  TlCombinator bare;
  /** Smallest encoding in bytes, used to reject absurd vector counts before allocating (set while linking). */
  int minSize;

  TlType(Kind kind, String name, TlType elem) {
    this.kind = kind;
    this.name = name;
    this.elem = elem;
  }

  boolean isVector() {
    return kind == Kind.VECTOR || kind == Kind.BARE_VECTOR;
  }

  @Override
  public String toString() {
    return name;
  }
}
