package dev.vertigram.peers.impl;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the string forms of a peer: "me"/"self", a bot-API id, @username, t.me/username, t.me/c/123/45 (a private
 * channel link) and tg://resolve?domain=username. The result is either an id or a lower-cased username.
 */
public final class PeerRefs {

  /** A parsed reference: {@code self}, else {@code id != 0}, else {@code username}. */
  public record Ref(boolean self, long id, String username) {
  }

  private static final Pattern ID = Pattern.compile("-?\\d+");
  private static final Pattern LINK = Pattern.compile(
      "(?:https?://)?(?:www\\.)?(?:t|telegram)\\.(?:me|dog)/(c/)?([A-Za-z0-9_]+)(?:[/?#].*)?");
  private static final Pattern TG = Pattern.compile("tg://resolve\\?(?:.*&)?domain=([A-Za-z0-9_]+).*");
  private static final Pattern USERNAME = Pattern.compile("@?([A-Za-z][A-Za-z0-9_]{2,31})");

  private PeerRefs() {
  }

  /** Parses {@code s}; throws IllegalArgumentException when it is no peer form. */
  public static Ref parse(String s) {
    String t = s.trim();
    if (t.equalsIgnoreCase("me") || t.equalsIgnoreCase("self")) {
      return new Ref(true, 0, null);
    }
    if (ID.matcher(t).matches()) {
      return new Ref(false, Long.parseLong(t), null);
    }
    Matcher m = LINK.matcher(t);
    if (m.matches()) {
      if (m.group(1) != null) {
        return new Ref(false, PeerIds.channel(Long.parseLong(m.group(2))), null);
      }
      if (m.group(2).startsWith("joinchat") || m.group(2).startsWith("+")) {
        throw new IllegalArgumentException("invite links are not peers: " + s);
      }
      return username(m.group(2), s);
    }
    m = TG.matcher(t);
    if (m.matches()) {
      return username(m.group(1), s);
    }
    return username(t, s);
  }

  private static Ref username(String candidate, String original) {
    Matcher m = USERNAME.matcher(candidate);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a peer (expected me, an id, @username or a t.me link): " + original);
    }
    return new Ref(false, 0, m.group(1).toLowerCase(Locale.ROOT));
  }
}
