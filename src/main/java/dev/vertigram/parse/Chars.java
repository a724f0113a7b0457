package dev.vertigram.parse;

/**
 * Character helpers. Telegram counts offsets in UTF-16 units, and an entity edge must never split a surrogate pair.
 */
final class Chars {

  private Chars() {
  }

  /**
   * Throws a {@link ParseException} at the first unpaired surrogate: such text cannot be sent (it has no UTF-8 form),
   * and markup next to it could split a pair.
   */
  static void requireWellFormed(String syntax, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new ParseException(syntax, i, String.format("unpaired surrogate U+%04X", (int) c));
      }
    }
  }

  /** Whether index {@code i} of {@code s} falls between the two halves of a surrogate pair. */
  static boolean splitsPair(CharSequence s, int i) {
    return i > 0 && i < s.length() && Character.isHighSurrogate(s.charAt(i - 1))
      && Character.isLowSurrogate(s.charAt(i));
  }

  /** ASCII white space, as Telegram's parsers see it. */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0x0B;
  }
}
