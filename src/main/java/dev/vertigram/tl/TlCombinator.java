package dev.vertigram.tl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A constructor or method of a {@link TlSchema}, with its ordered parameters and its result type. */
public final class TlCombinator {

  private final String name;
  private final int id;
  private final int ruleId;
  private final boolean method;
  private final List<TlParam> params;
  private final String type;

  /** Parameters as an array, for the codec's loops. */
  final TlParam[] plan;
  /** Compiled result type; for a generic method ({@code = X}) null. */
  TlType result;
  /** Parameter name to index in {@link #plan}. */
  final Map<String, Integer> paramIndex = new HashMap<>();
  /** Index of the {@code !X} parameter of a generic method, or -1. */
  final int queryIndex;
  /** Initial capacity of a decoded value's map: "_", the required fields and a few optional ones. */
  final int mapCapacity;

  TlCombinator(String name, int id, int ruleId, boolean method, List<TlParam> params, String type) {
    this.name = name;
    this.id = id;
    this.ruleId = ruleId;
    this.method = method;
    this.params = List.copyOf(params);
    this.type = type;
    this.plan = params.toArray(new TlParam[0]);
    int query = -1;
    int required = 1;
    for (int i = 0; i < plan.length; i++) {
      paramIndex.put(plan[i].name(), i);
      if (plan[i].type().startsWith("!")) {
        query = i;
      }
      required += plan[i].isConditional() ? 0 : 1;
    }
    this.queryIndex = query;
    this.mapCapacity = required + Math.min(8, plan.length + 1 - required);
  }

  /** Name as in the schema, e.g. {@code "messages.sendMessage"}. */
  public String name() {
    return name;
  }

  /** Constructor id as written in the schema (or computed by the CRC32 rule when the schema gives none). */
  public int id() {
    return id;
  }

  /** The id the CRC32 rule gives for this declaration (may differ from {@link #id()} for legacy entries). */
  int ruleId() {
    return ruleId;
  }

  /** Parameters in declaration order ({@code flags:#} fields included). */
  public List<TlParam> params() {
    return params;
  }

  /** Result type as written, e.g. {@code "messages.Messages"}, {@code "Vector<User>"}, {@code "X"}. */
  public String type() {
    return type;
  }

  /** Whether this is a method (declared after {@code ---functions---}). */
  public boolean isMethod() {
    return method;
  }

  @Override
  public String toString() {
    String ps = params.stream().map(p -> " " + p).collect(Collectors.joining());
    return name + "#" + String.format("%08x", id) + ps + " = " + type;
  }
}
