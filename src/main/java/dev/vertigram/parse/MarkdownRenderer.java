package dev.vertigram.parse;

import io.vertx.core.json.JsonArray;

import java.util.List;
import java.util.TreeSet;

/**
 * Text and entities to MarkdownV2 that {@link MarkdownParser} (and Telegram) read back to the same entities, after
 * {@link MarkdownLayout} has fitted them to what MarkdownV2 can write.
 *
 * <p>Where two markers would run together ambiguously ('_' italic next to '_' or '__'), an empty bold entity
 * ({@code **}, or {@code ~~} inside bold) separates them, as the Bot API recommends; {@code **>} starts a quote right
 * after another.
 */
final class MarkdownRenderer extends EntityRenderer {

  private static final String RESERVED = "_*[]()~`>#+-=|{}.!\\";

  private final List<MarkdownLayout.Quote> quotes;
  private int quoteCursor;
  private int boundaryCursor;
  private String lastToken = "";

  private MarkdownRenderer(String text, List<MarkdownLayout.Quote> quotes) {
    super(text);
    this.quotes = quotes;
  }

  static String format(String text, JsonArray entities) {
    MarkdownLayout layout = new MarkdownLayout(text, Spans.of(text, entities));
    return new MarkdownRenderer(text, layout.quotes).render(layout.spans);
  }

  @Override
  protected void text(int from, int to) {
    boolean code = top() != null && top().kind.isLeaf();
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '\\' || (code ? c == '`' : RESERVED.indexOf(c) >= 0)) {
        out.append('\\');
      }
      out.append(c);
      if (c == '\n' && !code && insideQuote(i)) {
        out.append('>');
      }
    }
    if (from < to) {
      lastToken = "";
    }
  }

  /** Whether position {@code i} (visited in increasing order) is in the written part of a quote. */
  private boolean insideQuote(int i) {
    while (quoteCursor < quotes.size() && quotes.get(quoteCursor).contentEnd() <= i) {
      quoteCursor++;
    }
    return quoteCursor < quotes.size() && quotes.get(quoteCursor).start() <= i;
  }

  @Override
  protected void addBoundaries(TreeSet<Integer> points) {
    for (MarkdownLayout.Quote quote : quotes) {
      points.add(quote.start());
      points.add(quote.contentEnd());
    }
  }

  @Override
  protected void boundary(int point) {
    while (boundaryCursor < quotes.size() && quotes.get(boundaryCursor).contentEnd() < point) {
      boundaryCursor++;
    }
    if (boundaryCursor == quotes.size()) {
      return;
    }
    MarkdownLayout.Quote quote = quotes.get(boundaryCursor);
    if (quote.start() == point) {
      if (boundaryCursor > 0 && quotes.get(boundaryCursor - 1).end() == point) {
        token("**");
      }
      token(">");
    }
    if (quote.contentEnd() == point && quote.collapsed()) {
      token("||");
    }
  }

  @Override
  protected void open(Span span) {
    token(switch (span.kind) {
      case BOLD -> "*";
      case ITALIC -> "_";
      case UNDERLINE -> "__";
      case STRIKE -> "~";
      case SPOILER -> "||";
      case CODE -> "`";
      case PRE -> "```" + language(span) + (text.charAt(span.start) == '\r' ? "\r\n" : "\n");
      case TEXT_URL, MENTION_NAME -> "[";
      case CUSTOM_EMOJI -> "![";
      case BLOCKQUOTE -> throw new IllegalStateException("quotes are written as line prefixes");
    });
  }

  @Override
  protected void close(Span span) {
    token(switch (span.kind) {
      case BOLD -> "*";
      case ITALIC -> "_";
      case UNDERLINE -> "__";
      case STRIKE -> "~";
      case SPOILER -> "||";
      case CODE -> "`";
      case PRE -> "```";
      case TEXT_URL -> url(span.entity.getString("url"));
      case MENTION_NAME -> url(Links.userUrl(Spans.userId(span.entity)));
      case CUSTOM_EMOJI -> url(Links.emojiUrl(((Number) span.entity.getValue("document_id")).longValue()));
      case BLOCKQUOTE -> throw new IllegalStateException("quotes are written as line prefixes");
    });
  }

  /** A pre's language, or "" when MarkdownV2 cannot write it (white space or '`' in it). */
  private static String language(Span span) {
    String language = Spans.language(span.entity);
    for (int i = 0; i < language.length(); i++) {
      if (Chars.isSpace(language.charAt(i)) || language.charAt(i) == '`') {
        return "";
      }
    }
    return language;
  }

  private static String url(String url) {
    return "](" + url.replace("\\", "\\\\").replace(")", "\\)") + ")";
  }

  /** Writes a marker, separating it from a previous '_' that would otherwise merge with it. */
  private void token(String token) {
    if (token.startsWith("_") && lastToken.equals("_")) {
      out.append(top() != null && top().kind == EntityKind.BOLD ? "~~" : "**");
    }
    out.append(token);
    lastToken = token;
  }
}
