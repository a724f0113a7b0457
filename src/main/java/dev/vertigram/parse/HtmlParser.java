package dev.vertigram.parse;

import io.vertx.core.json.JsonObject;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

/**
 * Telegram's HTML (as the Bot API defines it, and as TDLib parses it) to text and entities.
 *
 * <p>Tags (case-insensitive): b, strong, i, em, u, ins, s, strike, del, tg-spoiler, span class="tg-spoiler", a href,
 * code, pre (with an inner code class="language-x" for the language), blockquote (expandable), tg-emoji emoji-id.
 * Character references: &amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric ones; any other '&amp;' is literal, as in
 * Telegram. An {@code <a>} without href links to its own text; {@code tg://user?id=N} becomes a mention
 * ({@code inputMessageEntityMentionName} whose {@code user_id} is the numeric id, for the client to resolve).
 * Empty entities are dropped.
 */
final class HtmlParser {

  private static final String SYNTAX = "HTML";
  private static final Set<String> TAGS = Set.of("a", "b", "strong", "i", "em", "s", "strike", "del", "u", "ins",
    "tg-spoiler", "tg-emoji", "span", "pre", "code", "blockquote");

  private record Open(String tag, String argument, boolean expandable, int offset, int source) {
  }

  private final String src;
  private final int n;
  private final StringBuilder out = new StringBuilder();
  private final Deque<Open> open = new ArrayDeque<>();
  private final EntityCollector entities = new EntityCollector();
  private JsonObject codeWithLanguage;
  private String codeLanguage;
  private int pos;

  private HtmlParser(String src) {
    this.src = src;
    this.n = src.length();
  }

  static ParsedText parse(String html) {
    Chars.requireWellFormed(SYNTAX, html);
    return new HtmlParser(html).run();
  }

  private ParsedText run() {
    while (pos < n) {
      char c = src.charAt(pos);
      if (c == '&') {
        pos = HtmlText.decodeReference(src, pos, out);
      } else if (c != '<') {
        out.append(c);
        pos++;
      } else if (pos + 1 < n && src.charAt(pos + 1) == '/') {
        endTag();
      } else {
        startTag();
      }
    }
    if (!open.isEmpty()) {
      Open o = open.peek();
      throw error(o.source, "no end tag for <" + o.tag + ">");
    }
    return new ParsedText(out.toString(), entities.toJson());
  }

  private void startTag() {
    int begin = pos++;
    int nameStart = pos;
    while (pos < n && !Chars.isSpace(src.charAt(pos)) && src.charAt(pos) != '>') {
      pos++;
    }
    String tag = src.substring(nameStart, pos).toLowerCase(Locale.ROOT);
    if (pos == n) {
      throw error(begin, "unclosed start tag <" + tag);
    }
    if (!TAGS.contains(tag)) {
      throw error(begin, "unsupported start tag \"" + tag + "\" (write '<' as &lt;)");
    }
    String argument = "";
    boolean expandable = false;
    while (true) {
      skipSpaces(begin, tag);
      if (src.charAt(pos) == '>') {
        break;
      }
      int nameBegin = pos;
      while (pos < n && !Chars.isSpace(src.charAt(pos)) && src.charAt(pos) != '=' && src.charAt(pos) != '>') {
        pos++;
      }
      String attribute = src.substring(nameBegin, pos).toLowerCase(Locale.ROOT);
      if (attribute.isEmpty()) {
        throw error(nameBegin, "empty attribute name in <" + tag + ">");
      }
      skipSpaces(begin, tag);
      if (src.charAt(pos) != '=') {
        expandable |= tag.equals("blockquote") && attribute.equals("expandable");
        continue;
      }
      pos++;
      skipSpaces(begin, tag);
      String value = attributeValue(begin, tag);
      if (tag.equals("a") && attribute.equals("href") || tag.equals("tg-emoji") && attribute.equals("emoji-id")) {
        argument = value;
      } else if (tag.equals("code") && attribute.equals("class") && value.startsWith("language-")) {
        argument = value.substring("language-".length());
      } else if (tag.equals("span") && attribute.equals("class") && value.startsWith("tg-")) {
        argument = value.substring("tg-".length());
      } else if (tag.equals("blockquote") && attribute.equals("expandable")) {
        expandable = true;
      }
    }
    pos++;
    if (tag.equals("span") && !argument.equals("spoiler")) {
      throw error(begin, "tag <span> must have class \"tg-spoiler\"");
    }
    open.push(new Open(tag, argument, expandable, out.length(), begin));
  }

  /** Skips spaces inside a start tag; the tag must go on. */
  private void skipSpaces(int begin, String tag) {
    while (pos < n && Chars.isSpace(src.charAt(pos))) {
      pos++;
    }
    if (pos == n) {
      throw error(begin, "unclosed start tag <" + tag);
    }
  }

  private String attributeValue(int begin, String tag) {
    char quote = src.charAt(pos);
    if (quote != '"' && quote != '\'') {
      int tokenBegin = pos;
      while (pos < n && (isAsciiAlphanumeric(src.charAt(pos)) || src.charAt(pos) == '.' || src.charAt(pos) == '-')) {
        pos++;
      }
      if (pos == n) {
        throw error(begin, "unclosed start tag <" + tag);
      }
      if (!Chars.isSpace(src.charAt(pos)) && src.charAt(pos) != '>') {
        throw error(pos, "unexpected character '" + src.charAt(pos) + "' in an unquoted attribute value");
      }
      return src.substring(tokenBegin, pos).toLowerCase(Locale.ROOT);
    }
    StringBuilder value = new StringBuilder();
    pos++;
    while (pos < n && src.charAt(pos) != quote) {
      if (src.charAt(pos) == '&') {
        pos = HtmlText.decodeReference(src, pos, value);
      } else {
        value.append(src.charAt(pos++));
      }
    }
    if (pos == n) {
      throw error(begin, "unclosed attribute value in <" + tag + ">");
    }
    pos++;
    return value.toString();
  }

  private void endTag() {
    int begin = pos;
    pos += 2;
    int nameStart = pos;
    while (pos < n && !Chars.isSpace(src.charAt(pos)) && src.charAt(pos) != '>') {
      pos++;
    }
    String tag = src.substring(nameStart, pos).toLowerCase(Locale.ROOT);
    while (pos < n && Chars.isSpace(src.charAt(pos))) {
      pos++;
    }
    if (pos == n || src.charAt(pos) != '>') {
      throw error(begin, "unclosed end tag </" + tag);
    }
    pos++;
    if (open.isEmpty()) {
      throw error(begin, "unexpected end tag </" + tag + ">: no tag is open");
    }
    Open o = open.pop();
    if (!o.tag.equals(tag)) {
      throw error(begin, "end tag </" + tag + "> does not match <" + o.tag + "> opened at position " + o.source);
    }
    close(o);
  }

  private void close(Open o) {
    int length = out.length() - o.offset;
    if (o.tag.equals("tg-emoji") && Links.positiveId(o.argument) == null) {
      throw error(o.source, "invalid custom emoji id \"" + o.argument + "\" in <tg-emoji emoji-id=...>");
    }
    if (length == 0) {
      return;
    }
    switch (o.tag) {
      case "b", "strong" -> entities.add(EntityKind.BOLD, o.offset, length);
      case "i", "em" -> entities.add(EntityKind.ITALIC, o.offset, length);
      case "u", "ins" -> entities.add(EntityKind.UNDERLINE, o.offset, length);
      case "s", "strike", "del" -> entities.add(EntityKind.STRIKE, o.offset, length);
      case "tg-spoiler", "span" -> entities.add(EntityKind.SPOILER, o.offset, length);
      case "a" -> link(o, length);
      case "pre" -> pre(o, length);
      case "code" -> code(o, length);
      case "tg-emoji" -> entities.add(EntityKind.CUSTOM_EMOJI, o.offset, length)
        .put("document_id", Links.positiveId(o.argument));
      default -> quote(o, length);
    }
  }

  private void quote(Open o, int length) {
    JsonObject quote = entities.add(EntityKind.BLOCKQUOTE, o.offset, length);
    if (o.expandable) {
      quote.put("collapsed", true);
    }
  }

  private void link(Open o, int length) {
    String url = o.argument.isEmpty() ? out.substring(o.offset) : o.argument;
    Long userId = Links.userId(url);
    if (userId != null) {
      entities.add(EntityKind.MENTION_NAME, o.offset, length).put("user_id", userId);
    } else {
      entities.add(EntityKind.TEXT_URL, o.offset, length).put("url", url);
    }
  }

  /** {@code <pre><code class="language-x">...</code></pre>}: one pre entity with that language. */
  private void pre(Open o, int length) {
    JsonObject last = entities.last();
    String language = "";
    if (last != null && last == codeWithLanguage && sameRange(last, o.offset, length)) {
      entities.removeLast();
      language = codeLanguage;
    }
    entities.add(EntityKind.PRE, o.offset, length).put("language", language);
  }

  /** The same pair written the other way round: {@code <code class="language-x"><pre>...</pre></code>}. */
  private void code(Open o, int length) {
    JsonObject last = entities.last();
    if (!o.argument.isEmpty() && last != null && last.getString("_").equals(EntityKind.PRE.tlName)
      && sameRange(last, o.offset, length) && last.getString("language").isEmpty()) {
      last.put("language", o.argument);
      return;
    }
    JsonObject code = entities.add(EntityKind.CODE, o.offset, length);
    codeWithLanguage = o.argument.isEmpty() ? null : code;
    codeLanguage = o.argument;
  }

  private static boolean sameRange(JsonObject entity, int offset, int length) {
    return entity.getInteger("offset") == offset && entity.getInteger("length") == length;
  }

  private static boolean isAsciiAlphanumeric(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  private static ParseException error(int position, String message) {
    return new ParseException(SYNTAX, position, message);
  }
}
