package dev.vertigram.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code tg://} links that stand for entities: user mentions and custom emoji. */
final class Links {

  private static final Pattern USER = Pattern.compile("(?i)tg:(?://)?user\\?(?:[^#]*&)?id=(\\d{1,19})(?:[&#].*)?");
  private static final Pattern EMOJI = Pattern.compile("(?i)tg:(?://)?emoji\\?(?:[^#]*&)?id=(\\d{1,19})(?:[&#].*)?");

  private Links() {
  }

  /** The user id of a {@code tg://user?id=N} link, or null when the URL is not one. */
  static Long userId(String url) {
    return positiveId(USER.matcher(url));
  }

  /** The document id of a {@code tg://emoji?id=N} link, or null when the URL is not one. */
  static Long emojiId(String url) {
    return positiveId(EMOJI.matcher(url));
  }

  /** A positive 64-bit id written in decimal, or null. */
  static Long positiveId(String digits) {
    if (digits.isEmpty() || digits.length() > 19) {
      return null;
    }
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    try {
      long id = Long.parseLong(digits);
      return id > 0 ? id : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String userUrl(long userId) {
    return "tg://user?id=" + userId;
  }

  static String emojiUrl(long documentId) {
    return "tg://emoji?id=" + documentId;
  }

  private static Long positiveId(Matcher m) {
    return m.matches() ? positiveId(m.group(1)) : null;
  }
}
