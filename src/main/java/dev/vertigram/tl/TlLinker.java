package dev.vertigram.tl;

import dev.vertigram.tl.TlType.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns parsed declarations into linked combinators: merges the files, checks names and ids are unique, resolves
 * every type text to a shared {@link TlType} and fills in the flag slots of the codec plans.
 */
final class TlLinker {

  final Map<String, TlCombinator> constructors = new LinkedHashMap<>();
  final Map<String, TlCombinator> methods = new LinkedHashMap<>();
  final Map<String, TlType> types = new HashMap<>();
  /**
   * Declarations without an id whose name an earlier file already uses: mtproto.tl's bare {@code message} next to
   * api.tl's {@code message#7600b9d3}. Having no id they can only be used bare, so bare references look here first.
   */
  private final Map<String, TlCombinator> bareOnly = new HashMap<>();
  private final Map<TlCombinator, List<String>> generics = new HashMap<>();
  /** {@code flags.N?true}; kept out of {@link #types}, where "true" could also name the bare constructor. */
  private final TlType trueFlag = new TlType(Kind.TRUE, "true", null);

  TlLinker(List<TlParser.Decl> decls) {
    for (TlParser.Decl d : decls) {
      add(d);
    }
    for (TlCombinator c : constructors.values()) {
      TlType t = boxedType(c.type());
      c.result = t;
      t.constructors.add(c);
    }
    checkIds();
    link(constructors.values());
    link(bareOnly.values());
    link(methods.values());
    for (TlType t : types.values()) {
      minSize(t);
    }
  }

  private void add(TlParser.Decl d) {
    Map<String, TlCombinator> into = d.method() ? methods : constructors;
    TlCombinator old = into.get(d.name());
    if (old != null && old.id() == d.id()) {
      return;
    }
    if (old != null && (d.method() || d.explicitId())) {
      throw new TlException("combinator " + d.name() + " declared twice with different ids");
    }
    List<TlParam> params = new ArrayList<>();
    for (TlParser.Param p : d.params()) {
      params.add(new TlParam(p.name(), p.type(), p.flagField(), p.flagBit()));
    }
    TlCombinator c = new TlCombinator(d.name(), d.id(), d.ruleId(), d.method(), params, d.type());
    (old == null ? into : bareOnly).put(d.name(), c);
    generics.put(c, d.generics());
  }

  /** Ids must be unique across constructors and methods: an {@code Object} position may hold either. */
  private void checkIds() {
    Map<Integer, TlCombinator> seen = new HashMap<>();
    for (Map<String, TlCombinator> byName : List.of(constructors, methods)) {
      for (TlCombinator c : byName.values()) {
        TlCombinator other = seen.put(c.id(), c);
        if (other != null) {
          throw new TlException(String.format("id %08x used by both %s and %s", c.id(), other.name(), c.name()));
        }
      }
    }
  }

  private void link(Iterable<TlCombinator> combinators) {
    for (TlCombinator c : combinators) {
      List<String> generic = generics.get(c);
      Map<String, Integer> slots = new HashMap<>();
      for (TlParam p : c.plan) {
        try {
          p.compiled = resolve(p.type(), generic, p.isConditional());
        } catch (TlException e) {
          throw new TlException(c.name() + "." + p.name() + ": " + e.getMessage());
        }
        if (p.compiled.kind == Kind.FLAGS) {
          if (slots.size() == 2) {
            throw new TlException(c.name() + ": more than two flags fields");
          }
          p.slot = slots.size();
          slots.put(p.name(), p.slot);
        }
        if (p.isConditional()) {
          Integer slot = slots.get(p.flagField());
          if (slot == null || p.flagBit() > 31) {
            throw new TlException(c.name() + "." + p.name() + ": bad flag " + p.flagField() + "." + p.flagBit());
          }
          p.flagSlot = slot;
          p.mask = 1L << (32 * slot + p.flagBit());
        }
      }
      if (c.isMethod()) {
        c.result = generic.contains(c.type()) ? null : resolve(c.type(), List.of(), false);
      }
    }
  }

  private TlType resolve(String text, List<String> generic, boolean conditional) {
    if (conditional && text.equals("true")) {
      return trueFlag;
    }
    TlType known = types.get(text);
    if (known != null) {
      return known;
    }
    TlType t;
    if (text.startsWith("!") && generic.contains(text.substring(1))) {
      t = new TlType(Kind.QUERY, text, null);
    } else if (text.startsWith("Vector<") && text.endsWith(">")) {
      t = new TlType(Kind.VECTOR, text, resolve(text.substring(7, text.length() - 1), generic, false));
    } else if (text.startsWith("vector<") && text.endsWith(">")) {
      t = new TlType(Kind.BARE_VECTOR, text, resolve(text.substring(7, text.length() - 1), generic, false));
    } else {
      t = simple(text);
    }
    types.put(text, t);
    return t;
  }

  private TlType simple(String text) {
    Kind kind = switch (text) {
      case "int" -> Kind.INT;
      case "long" -> Kind.LONG;
      case "double" -> Kind.DOUBLE;
      case "string" -> Kind.STRING;
      case "bytes" -> Kind.BYTES;
      case "int128" -> Kind.INT128;
      case "int256" -> Kind.INT256;
      case "#" -> Kind.FLAGS;
      case "Object" -> Kind.OBJECT;
      default -> null;
    };
    if (kind != null) {
      return new TlType(kind, text, null);
    }
    TlCombinator bare = bareOnly.getOrDefault(text, constructors.get(text));
    if (bare != null && Character.isLowerCase(text.charAt(text.lastIndexOf('.') + 1))) {
      TlType t = new TlType(Kind.BARE, text, null);
      t.bare = bare;
      return t;
    }
    TlType boxed = types.get(text);
    if (boxed == null || boxed.constructors.isEmpty()) {
      throw new TlException("unknown type " + text);
    }
    return boxed;
  }

  /** The boxed type named {@code name}, created on first use ({@code Bool} and {@code Object} get their own kinds). */
  private TlType boxedType(String name) {
    return types.computeIfAbsent(name, n -> new TlType(
        n.equals("Bool") ? Kind.BOOL : n.equals("Object") ? Kind.OBJECT : Kind.BOXED, n, null));
  }

  private int minSize(TlType t) {
    if (t.minSize == 0) {
      t.minSize = switch (t.kind) {
        case INT, STRING, BYTES, FLAGS, BOOL, BOXED, OBJECT, QUERY, BARE_VECTOR -> 4;
        case LONG, DOUBLE, VECTOR -> 8;
        case INT128 -> 16;
        case INT256 -> 32;
        case BARE -> bareSize(t.bare);
        case TRUE -> 0;
      };
    }
    return t.minSize;
  }

  private int bareSize(TlCombinator c) {
    int size = 0;
    for (TlParam p : c.plan) {
      // Conditional fields may be absent. Bare references never nest a bare reference to themselves in the schemas,
      // and the boxed fields that could recurse count 4 bytes without looking inside.
      size += p.isConditional() ? 0 : minSize(p.compiled);
    }
    return size;
  }
}
