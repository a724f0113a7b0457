package dev.vertigram.updates.impl;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** Parses {@link dev.vertigram.updates.Handler} filter expressions into predicates (grammar on the annotation). */
public final class FilterParser {

  /** What filters need from their handler: the bot's username and the resolved {@code sender(...)} ids. */
  public static final class Context {
    private volatile String selfUsername;
    private final Map<String, Long> senders = new ConcurrentHashMap<>();
    private final Set<String> wanted = ConcurrentHashMap.newKeySet();

    /** The username of the session's account (for "/cmd@bot"), null when unknown. */
    public String selfUsername() {
      return selfUsername;
    }

    /** Sets the session account's username. */
    public void selfUsername(String username) {
      this.selfUsername = username;
    }

    /** The {@code sender(...)} arguments met while parsing, to resolve at start. */
    public Set<String> wantedSenders() {
      return wanted;
    }

    /** Records the id of a {@code sender(...)} argument. */
    public void resolved(String sender, long id) {
      senders.put(sender, id);
    }

    long senderId(String sender) {
      Long id = senders.get(sender);
      return id == null ? Long.MIN_VALUE : id;
    }
  }

  private final List<String> tokens;
  private final Context context;
  private int pos;

  private FilterParser(String expr, Context context) {
    this.tokens = tokenize(expr);
    this.context = context;
  }

  /** The predicate of {@code expr}; throws IllegalArgumentException naming the problem. */
  public static Predicate<JsonObject> parse(String expr, Context context) {
    if (expr.isBlank()) {
      return u -> true;
    }
    FilterParser p = new FilterParser(expr, context);
    Predicate<JsonObject> out = p.or();
    if (p.pos != p.tokens.size()) {
      throw new IllegalArgumentException("filter '" + expr + "': unexpected '" + p.tokens.get(p.pos) + "'");
    }
    return out;
  }

  private Predicate<JsonObject> or() {
    Predicate<JsonObject> left = and();
    while (accept("or")) {
      left = left.or(and());
    }
    return left;
  }

  private Predicate<JsonObject> and() {
    Predicate<JsonObject> left = term();
    while (accept("and")) {
      left = left.and(term());
    }
    return left;
  }

  private Predicate<JsonObject> term() {
    if (accept("not")) {
      return term().negate();
    }
    if (accept("(")) {
      Predicate<JsonObject> inner = or();
      expect(")");
      return inner;
    }
    String name = next();
    String arg = null;
    if (accept("(")) {
      arg = next();
      expect(")");
      if (name.equals("sender")) {
        context.wanted.add(arg);
      }
    }
    return MessageFilter.atom(name, arg, context);
  }

  private boolean accept(String t) {
    if (pos < tokens.size() && tokens.get(pos).equals(t)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(String t) {
    if (!accept(t)) {
      throw new IllegalArgumentException("filter: expected '" + t + "' at token " + pos);
    }
  }

  private String next() {
    if (pos >= tokens.size()) {
      throw new IllegalArgumentException("filter: unexpected end");
    }
    return tokens.get(pos++);
  }

  /** Words, parentheses and quoted strings ('...' with \' escapes); an argument may be unquoted up to ')'. */
  private static List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')') {
        out.add(String.valueOf(c));
        i++;
      } else if (c == '\'') {
        StringBuilder b = new StringBuilder();
        i++;
        while (i < s.length() && s.charAt(i) != '\'') {
          if (s.charAt(i) == '\\' && i + 1 < s.length()) {
            i++;
          }
          b.append(s.charAt(i++));
        }
        if (i >= s.length()) {
          throw new IllegalArgumentException("filter '" + s + "': unterminated quote");
        }
        out.add(b.toString());
        i++;
      } else {
        int start = i;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "()'".indexOf(s.charAt(i)) < 0) {
          i++;
        }
        out.add(s.substring(start, i));
      }
    }
    return out;
  }
}
