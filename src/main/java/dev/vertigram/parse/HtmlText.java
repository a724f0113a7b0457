package dev.vertigram.parse;

/** Character references of Telegram's HTML: escaping plain text and decoding references. */
final class HtmlText {

  private HtmlText() {
  }

  /** Appends {@code s[from, to)} escaped: '&amp;', '&lt;', '&gt;' always, '&quot;' inside attribute values. */
  static void escape(CharSequence s, int from, int to, boolean attribute, StringBuilder out) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        default -> out.append(c);
      }
    }
  }

  /**
   * At {@code src[at] == '&'}: appends the character the reference stands for (or the '&amp;' itself when it is no
   * reference Telegram knows: &amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric ones) and returns the position after
   * it. The closing ';' is optional, as in Telegram. A numeric reference to no character (0, a surrogate, past
   * U+10FFFF) is a {@link ParseException}.
   */
  static int decodeReference(String src, int at, StringBuilder sink) {
    int n = src.length();
    int i = at + 1;
    int codePoint;
    if (i < n && src.charAt(i) == '#') {
      i++;
      int radix = 10;
      if (i < n && (src.charAt(i) == 'x' || src.charAt(i) == 'X')) {
        radix = 16;
        i++;
      }
      int digits = i;
      long value = 0;
      while (i < n && src.charAt(i) < 128 && Character.digit(src.charAt(i), radix) >= 0) {
        value = Math.min(value * radix + Character.digit(src.charAt(i), radix), Character.MAX_CODE_POINT + 1L);
        i++;
      }
      if (i == digits) {
        sink.append('&');
        return at + 1;
      }
      if (value == 0 || value > Character.MAX_CODE_POINT || (value >= 0xD800 && value <= 0xDFFF)) {
        throw new ParseException("HTML", at, "invalid character reference \"" + src.substring(at, i) + "\"");
      }
      codePoint = (int) value;
    } else {
      while (i < n && (src.charAt(i) >= 'a' && src.charAt(i) <= 'z' || src.charAt(i) >= 'A' && src.charAt(i) <= 'Z')) {
        i++;
      }
      codePoint = switch (src.substring(at + 1, i)) {
        case "lt" -> '<';
        case "gt" -> '>';
        case "amp" -> '&';
        case "quot" -> '"';
        default -> -1;
      };
      if (codePoint < 0) {
        sink.append('&');
        return at + 1;
      }
    }
    if (i < n && src.charAt(i) == ';') {
      i++;
    }
    sink.appendCodePoint(codePoint);
    return i;
  }
}
