package dev.vertigram.parse;

import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Telegram's MarkdownV2 (as the Bot API defines it, and as TDLib parses it) to text and entities.
 *
 * <p>{@code *bold*}, {@code _italic_}, {@code __underline__}, {@code ~strike~}, {@code ||spoiler||},
 * {@code [text](url)} (a {@code tg://user?id=N} URL makes a mention), {@code ![👍](tg://emoji?id=N)},
 * {@code `code`}, {@code ```language\npre```}, and block quotes: lines starting with '>' (the quote ends, with its
 * final newline, at a line that does not start with '>'; {@code **>} starts a new quote right after another; '||'
 * at the end of its last line makes it expandable). Any ASCII character may be escaped with '\'; outside code
 * {@code _*[]()~`>#+-=|{}.!} must be. Inside code and pre only '`' and '\' must be; inside a link's (url) only ')' and
 * '\'. Unlike Telegram, which would then nest a code entity in the pre and drop it, a lone '`' inside a pre is an
 * error.
 */
final class MarkdownParser {

  private static final String SYNTAX = "MarkdownV2";
  private static final String RESERVED = "_*[]()~`>#+-=|{}.!\n";

  private record Open(EntityKind kind, String language, int offset, int source) {
  }

  private final String src;
  private final int n;
  private final StringBuilder out = new StringBuilder();
  private final List<Open> open = new ArrayList<>();
  private final EntityCollector entities = new EntityCollector();
  private boolean haveQuote;
  private boolean canStartQuote = true;
  private int pos;

  private MarkdownParser(String src) {
    this.src = src;
    this.n = src.length();
  }

  static ParsedText parse(String markdown) {
    Chars.requireWellFormed(SYNTAX, markdown);
    return new MarkdownParser(markdown).run();
  }

  private ParsedText run() {
    for (; pos < n; pos++) {
      char c = src.charAt(pos);
      if (c == '\\' && pos + 1 < n && src.charAt(pos + 1) >= 1 && src.charAt(pos + 1) <= 126) {
        char escaped = src.charAt(++pos);
        out.append(escaped);
        if (escaped != '\r') {
          canStartQuote = escaped == '\n';
        }
      } else if ((inCode() ? "`" : RESERVED).indexOf(c) < 0) {
        out.append(c);
        canStartQuote &= c == '\r';
      } else if (isEnd(c)) {
        end(c);
      } else if (inCode()) {
        throw error(pos, "character '`' must be escaped with a preceding '\\' inside code and pre");
      } else {
        begin(c);
      }
    }
    if (haveQuote) {
      boolean collapsed = top().kind == EntityKind.SPOILER && top().source == n - 2;
      if (collapsed) {
        open.remove(open.size() - 1);
      }
      if (top().kind == EntityKind.BLOCKQUOTE) {
        addQuote(open.remove(open.size() - 1), collapsed);
      }
    }
    if (!open.isEmpty()) {
      throw unclosed(top());
    }
    return new ParsedText(out.toString(), entities.toJson());
  }

  private boolean inCode() {
    return !open.isEmpty() && top().kind.isLeaf();
  }

  private Open top() {
    return open.get(open.size() - 1);
  }

  private boolean at(int i, char c) {
    return i < n && src.charAt(i) == c;
  }

  private boolean isEnd(char c) {
    if (open.isEmpty()) {
      return false;
    }
    if (haveQuote && c == '\n' && !at(pos + 1, '>')) {
      return true;
    }
    return switch (top().kind) {
      case BOLD -> c == '*';
      case ITALIC -> c == '_' && !at(pos + 1, '_');
      case UNDERLINE -> c == '_' && at(pos + 1, '_');
      case STRIKE -> c == '~';
      case SPOILER -> c == '|' && at(pos + 1, '|');
      case CODE -> c == '`';
      case PRE -> c == '`' && at(pos + 1, '`') && at(pos + 2, '`');
      case TEXT_URL, CUSTOM_EMOJI -> c == ']';
      default -> false;
    };
  }

  private void begin(char c) {
    int source = pos;
    EntityKind kind;
    String language = "";
    switch (c) {
      case '_' -> {
        kind = at(pos + 1, '_') ? EntityKind.UNDERLINE : EntityKind.ITALIC;
        pos += kind == EntityKind.UNDERLINE ? 1 : 0;
      }
      case '*' -> kind = EntityKind.BOLD;
      case '~' -> kind = EntityKind.STRIKE;
      case '[' -> kind = EntityKind.TEXT_URL;
      case '|' -> {
        requireNext('|');
        kind = EntityKind.SPOILER;
      }
      case '!' -> {
        requireNext('[');
        kind = EntityKind.CUSTOM_EMOJI;
      }
      case '`' -> {
        if (at(pos + 1, '`') && at(pos + 2, '`')) {
          kind = EntityKind.PRE;
          language = preHeader();
        } else {
          kind = EntityKind.CODE;
        }
      }
      case '\n' -> {
        out.append('\n');
        canStartQuote = true;
        return;
      }
      case '>' -> {
        if (!canStartQuote) {
          throw reserved(c);
        }
        if (haveQuote) {
          return;
        }
        haveQuote = true;
        kind = EntityKind.BLOCKQUOTE;
      }
      default -> throw reserved(c);
    }
    open.add(new Open(kind, language, out.length(), source));
  }

  private void requireNext(char next) {
    if (!at(pos + 1, next)) {
      throw reserved(src.charAt(pos));
    }
    pos++;
  }

  /** After "```": reads the language (up to a space or '`', when followed by more) and skips one newline. */
  private String preHeader() {
    pos += 3;
    int languageEnd = pos;
    while (languageEnd < n && !Chars.isSpace(src.charAt(languageEnd)) && src.charAt(languageEnd) != '`') {
      languageEnd++;
    }
    String language = "";
    if (languageEnd != pos && languageEnd < n && src.charAt(languageEnd) != '`') {
      language = src.substring(pos, languageEnd);
      pos = languageEnd;
    }
    if (at(pos, '\n') || at(pos, '\r')) {
      boolean pair = (at(pos + 1, '\n') || at(pos + 1, '\r')) && src.charAt(pos) != src.charAt(pos + 1);
      pos += pair ? 2 : 1;
    }
    pos--;
    return language;
  }

  private void end(char c) {
    Open o = open.remove(open.size() - 1);
    boolean collapsed = false;
    if (c == '\n' && o.kind != EntityKind.BLOCKQUOTE) {
      boolean mark = o.kind == EntityKind.SPOILER
        && (o.source == pos - 2 || o.source == pos - 3 && out.length() > 0 && out.charAt(out.length() - 1) == '\r');
      if (!mark) {
        throw error(o.source, "unclosed " + name(o.kind) + " at the end of the block quote (position " + pos + ")");
      }
      o = open.remove(open.size() - 1);
      if (o.kind != EntityKind.BLOCKQUOTE) {
        throw unclosed(o);
      }
      collapsed = true;
    }
    int length = out.length() - o.offset;
    switch (o.kind) {
      case UNDERLINE, SPOILER -> pos++;
      case PRE -> pos += 2;
      case TEXT_URL -> link(o, length);
      case CUSTOM_EMOJI -> emoji(o, length);
      case BLOCKQUOTE -> {
        out.append('\n');
        canStartQuote = true;
        addQuote(o, collapsed);
      }
      default -> {
      }
    }
    if (length > 0 && o.kind != EntityKind.TEXT_URL && o.kind != EntityKind.CUSTOM_EMOJI
      && o.kind != EntityKind.BLOCKQUOTE) {
      JsonObject entity = entities.add(o.kind, o.offset, length);
      if (o.kind == EntityKind.PRE) {
        entity.put("language", o.language);
      }
    }
  }

  private void addQuote(Open o, boolean collapsed) {
    haveQuote = false;
    int length = out.length() - o.offset;
    if (length > 0) {
      JsonObject quote = entities.add(EntityKind.BLOCKQUOTE, o.offset, length);
      if (collapsed) {
        quote.put("collapsed", true);
      }
    }
  }

  /** At the ']' of a link: reads "(url)" (or takes the text as the URL when there is none). */
  private void link(Open o, int length) {
    String url = at(pos + 1, '(') ? url(o) : out.substring(o.offset);
    if (url.isEmpty() && length > 0) {
      throw error(o.source, "empty URL in the link");
    }
    Long userId = Links.userId(url);
    if (length == 0) {
      return;
    }
    if (userId != null) {
      entities.add(EntityKind.MENTION_NAME, o.offset, length).put("user_id", userId);
    } else {
      entities.add(EntityKind.TEXT_URL, o.offset, length).put("url", url);
    }
  }

  private void emoji(Open o, int length) {
    if (!at(pos + 1, '(')) {
      throw error(o.source, "a custom emoji must be followed by (tg://emoji?id=...)");
    }
    String url = url(o);
    Long documentId = Links.emojiId(url);
    if (documentId == null) {
      throw error(o.source, "invalid custom emoji URL \"" + url + "\" (expected tg://emoji?id=<positive id>)");
    }
    if (length > 0) {
      entities.add(EntityKind.CUSTOM_EMOJI, o.offset, length).put("document_id", documentId);
    }
  }

  /** At "](": reads the URL up to the unescaped ')' and leaves {@code pos} on it. */
  private String url(Open o) {
    pos += 2;
    int begin = pos;
    StringBuilder url = new StringBuilder();
    while (pos < n && src.charAt(pos) != ')') {
      if (src.charAt(pos) == '\\' && pos + 1 < n && src.charAt(pos + 1) >= 1 && src.charAt(pos + 1) <= 126) {
        pos++;
      }
      url.append(src.charAt(pos++));
    }
    if (pos == n) {
      throw error(begin, "can't find the ')' ending the URL of the " + name(o.kind) + " opened at " + o.source);
    }
    return url.toString();
  }

  private static String name(EntityKind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " entity";
  }

  private ParseException unclosed(Open o) {
    return error(o.source, "can't find the end of the " + name(o.kind));
  }

  private ParseException reserved(char c) {
    return error(pos, "character '" + c + "' is reserved and must be escaped with a preceding '\\'");
  }

  private static ParseException error(int position, String message) {
    return new ParseException(SYNTAX, position, message);
  }
}
