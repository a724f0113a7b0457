package dev.vertigram.updates.impl;

import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** The atoms of {@link dev.vertigram.updates.Handler} filters, as predicates over an update. */
public final class MessageFilter {

  private static final Set<String> NEW_MESSAGES = Set.of("updateNewMessage", "updateNewChannelMessage");

  private MessageFilter() {
  }

  /** The message of a new-message update, or null. */
  public static JsonObject message(JsonObject update) {
    return NEW_MESSAGES.contains(update.getString("_")) ? update.getJsonObject("message") : null;
  }

  /** The id of the sender of a message (user, chat or channel, bare id), or 0. */
  public static long senderId(JsonObject msg) {
    JsonObject from = msg.getJsonObject("from_id");
    if (from == null) {
      from = msg.getJsonObject("peer_id");
    }
    return from == null ? 0 : peerId(from);
  }

  private static long peerId(JsonObject peer) {
    for (String k : new String[] {"user_id", "chat_id", "channel_id"}) {
      if (peer.containsKey(k)) {
        return peer.getLong(k);
      }
    }
    return 0;
  }

  static Predicate<JsonObject> onMessage(Predicate<JsonObject> test) {
    return update -> {
      JsonObject msg = message(update);
      return msg != null && test.test(msg);
    };
  }

  static Predicate<JsonObject> atom(String name, String arg, FilterParser.Context c) {
    return switch (name) {
      case "incoming" -> onMessage(m -> !m.getBoolean("out", false));
      case "outgoing" -> onMessage(m -> m.getBoolean("out", false));
      case "private" -> onMessage(m -> peerType(m).equals("peerUser"));
      case "group" -> onMessage(m -> peerType(m).equals("peerChat")
          || peerType(m).equals("peerChannel") && !m.getBoolean("post", false));
      case "channel" -> onMessage(m -> peerType(m).equals("peerChannel") && m.getBoolean("post", false));
      case "media" -> onMessage(m -> m.containsKey("media")
          && !"messageMediaEmpty".equals(m.getJsonObject("media").getString("_")));
      case "text" -> onMessage(m -> arg.equals(m.getString("message")));
      case "regex" -> {
        Pattern p = Pattern.compile(arg);
        yield onMessage(m -> p.matcher(m.getString("message", "")).find());
      }
      case "command" -> onMessage(m -> isCommand(m.getString("message", ""), arg, c.selfUsername()));
      case "sender" -> onMessage(m -> senderId(m) == c.senderId(arg));
      default -> throw new IllegalArgumentException("unknown filter '" + name + "'");
    };
  }

  private static String peerType(JsonObject m) {
    JsonObject peer = m.getJsonObject("peer_id");
    return peer == null ? "" : peer.getString("_", "");
  }

  static boolean isCommand(String text, String command, String selfUsername) {
    if (!text.startsWith("/")) {
      return false;
    }
    int end = text.indexOf(' ');
    String head = text.substring(1, end < 0 ? text.length() : end);
    int at = head.indexOf('@');
    if (at >= 0) {
      String bot = head.substring(at + 1);
      if (selfUsername != null && !bot.equalsIgnoreCase(selfUsername)) {
        return false;
      }
      head = head.substring(0, at);
    }
    return head.equals(command);
  }
}
