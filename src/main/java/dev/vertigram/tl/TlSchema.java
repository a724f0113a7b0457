package dev.vertigram.tl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable compiled TL registry: constructors and methods by id and by name, each with its ordered parameters.
 *
 * <p>{@link #api()} is api.tl and mtproto.tl in one id space; {@link #secret()} is secret.tl alone (its names clash with
 * api.tl). In mtproto.tl, {@code string} fields hold binary data (pq, encrypted_data, g_a, ...), so they are handled as
 * {@code bytes} (a {@code Buffer} in JSON) except the two text fields {@code rpc_error.error_message} and
 * {@code accessPointRule.phone_prefix_rules}. mtproto.tl's bare {@code message} (no id) is kept apart from api.tl's
 * {@code message#7600b9d3}: it is reachable only as msg_container's element type.
 */
public final class TlSchema {

  private static final Set<String> MTPROTO_TEXT_FIELDS =
      Set.of("rpc_error.error_message", "accessPointRule.phone_prefix_rules");

  private final Map<String, TlCombinator> constructorsByName;
  private final Map<String, TlCombinator> methodsByName;
  private final IntMap<TlCombinator> constructorsById;
  private final IntMap<TlCombinator> methodsById;
  private final int layer;
  /** The bare {@code message} of msg_container (mtproto.tl's, not api.tl's), or null. */
  final TlCombinator containerMessage;
  /** {@code rpc_result}, or null. */
  final TlCombinator rpcResult;
  /** The {@code Object} type: any boxed constructor or method. */
  final TlType object;

  private TlSchema(List<TlParser.Source> sources) {
    List<TlParser.Decl> decls = new ArrayList<>();
    int maxLayer = 0;
    for (TlParser.Source s : sources) {
      decls.addAll(s.decls());
      maxLayer = Math.max(maxLayer, s.layer());
    }
    TlLinker linker = new TlLinker(decls);
    constructorsByName = Collections.unmodifiableMap(linker.constructors);
    methodsByName = Collections.unmodifiableMap(linker.methods);
    constructorsById = byId(linker.constructors.values());
    methodsById = byId(linker.methods.values());
    layer = maxLayer;
    Map<String, TlType> types = linker.types;
    TlType message = types.get("message");
    containerMessage = message != null && message.kind == TlType.Kind.BARE ? message.bare : null;
    rpcResult = constructorsByName.get("rpc_result");
    object = types.getOrDefault("Object", new TlType(TlType.Kind.OBJECT, "Object", null));
  }

  /** api.tl + mtproto.tl from the classpath ({@code /schema/}), parsed once. */
  public static TlSchema api() {
    return ApiHolder.SCHEMA;
  }

  /** secret.tl from the classpath, parsed once. */
  public static TlSchema secret() {
    return SecretHolder.SCHEMA;
  }

  /** A schema made of the given .tl texts, in one id space (for tests and tools). */
  public static TlSchema parse(String... sources) {
    List<TlParser.Source> parsed = new ArrayList<>();
    for (String s : sources) {
      parsed.add(TlParser.parse(s, false, Set.of()));
    }
    return new TlSchema(parsed);
  }

  /** The constructor with this id, or null. */
  public TlCombinator constructor(int id) {
    return constructorsById.get(id);
  }

  /** The constructor with this name, or null. */
  public TlCombinator constructor(String name) {
    return constructorsByName.get(name);
  }

  /** The method with this id, or null. */
  public TlCombinator method(int id) {
    return methodsById.get(id);
  }

  /** The method with this name, or null. */
  public TlCombinator method(String name) {
    return methodsByName.get(name);
  }

  /** All constructors, in schema order. */
  public Collection<TlCombinator> constructors() {
    return constructorsByName.values();
  }

  /** All methods, in schema order. */
  public Collection<TlCombinator> methods() {
    return methodsByName.values();
  }

  /** The highest layer the schema's comments announce (228 for {@link #api()}), or 0. */
  public int layer() {
    return layer;
  }


  private static IntMap<TlCombinator> byId(Collection<TlCombinator> all) {
    IntMap<TlCombinator> map = new IntMap<>(all.size());
    for (TlCombinator c : all) {
      map.put(c.id(), c);
    }
    return map;
  }

  private static String resource(String name) {
    try (InputStream in = TlSchema.class.getResourceAsStream("/schema/" + name)) {
      if (in == null) {
        throw new IllegalStateException("schema/" + name + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lazy holder: parsed on first use. */
  private static final class ApiHolder {
    static final TlSchema SCHEMA = new TlSchema(List.of(
        TlParser.parse(resource("api.tl"), false, Set.of()),
        TlParser.parse(resource("mtproto.tl"), true, MTPROTO_TEXT_FIELDS)));
  }

  /** Lazy holder: parsed on first use. */
  private static final class SecretHolder {
    static final TlSchema SCHEMA = new TlSchema(List.of(TlParser.parse(resource("secret.tl"), false, Set.of())));
  }
}
