package dev.vertigram.peers.impl;

import dev.vertigram.tl.TlCombinator;
import dev.vertigram.tl.TlParam;
import dev.vertigram.tl.TlSchema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which fields of each api.tl constructor can hold, at any depth, a User, a Chat or a Message: the only fields the
 * {@link PeerFeeder} has to walk. A 100-message Updates then costs a walk of its users, chats and messages, not of
 * every entity, media and reply header in it.
 */
final class PeerPaths {

  private static final Set<String> TARGETS = Set.of("User", "Chat", "Message");
  private static final PeerPaths API = new PeerPaths(TlSchema.api());

  private final Map<String, List<String>> fields = new HashMap<>();

  private PeerPaths(TlSchema schema) {
    Map<String, List<TlCombinator>> byType = new HashMap<>();
    for (TlCombinator c : schema.constructors()) {
      byType.computeIfAbsent(c.type(), t -> new ArrayList<>()).add(c);
    }
    Set<String> leading = new HashSet<>(TARGETS);
    boolean grew = true;
    while (grew) { // fixpoint: a type leads to a target when one of its constructors has a field of a leading type
      grew = false;
      for (Map.Entry<String, List<TlCombinator>> type : byType.entrySet()) {
        if (!leading.contains(type.getKey()) && type.getValue().stream().anyMatch(c -> leadsTo(c, leading))) {
          leading.add(type.getKey());
          grew = true;
        }
      }
    }
    for (TlCombinator c : schema.constructors()) {
      List<String> walk = new ArrayList<>();
      for (TlParam p : c.params()) {
        if (leading.contains(baseType(p.type()))) {
          walk.add(p.name());
        }
      }
      fields.put(c.name(), List.copyOf(walk));
    }
  }

  static PeerPaths api() {
    return API;
  }

  /** The fields of {@code constructor} worth walking, or null for a name the schema does not know (walk them all). */
  List<String> fields(String constructor) {
    return fields.get(constructor);
  }

  private static boolean leadsTo(TlCombinator c, Set<String> leading) {
    for (TlParam p : c.params()) {
      if (leading.contains(baseType(p.type()))) {
        return true;
      }
    }
    return false;
  }

  /** {@code Vector<Message>} → {@code Message}; bare {@code %T} → {@code T}. */
  private static String baseType(String type) {
    String t = type;
    while (t.endsWith(">") && t.indexOf('<') > 0) {
      t = t.substring(t.indexOf('<') + 1, t.length() - 1);
    }
    return t.startsWith("%") ? t.substring(1) : t;
  }
}
