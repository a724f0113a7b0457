package dev.vertigram.parse;

import io.vertx.core.json.JsonArray;

import java.util.Locale;

/**
 * How a message's text is written: Telegram's HTML, MarkdownV2, or plain text. Each mode parses formatted text to
 * {@link ParsedText} (text plus entities with UTF-16 offsets) and formats text plus entities back.
 *
 * <p>Parsing follows the Bot API's definitions (and TDLib's parser, which implements them); malformed input is a
 * {@link ParseException} naming the position. Formatting writes markup that parses back to the same formatting;
 * {@code format} then {@code parse} gives back the entities {@code parse} produces, so round trips are stable.
 * See docs/parse-and-loops.md for the details and the few things each syntax cannot express.
 */
public enum ParseMode {

  /** Telegram's HTML: {@code <b>}, {@code <a href>}, {@code <pre><code class="language-x">}... */
  HTML {
    @Override
    public ParsedText parse(String source) {
      return HtmlParser.parse(source);
    }

    @Override
    public String format(String text, JsonArray entities) {
      return HtmlRenderer.format(text, entities);
    }
  },

  /** Telegram's MarkdownV2: {@code *bold*}, {@code [text](url)}, {@code ```lang\ncode```}, {@code >quote}... */
  MARKDOWN {
    @Override
    public ParsedText parse(String source) {
      return MarkdownParser.parse(source);
    }

    @Override
    public String format(String text, JsonArray entities) {
      return MarkdownRenderer.format(text, entities);
    }
  },

  /** Plain text: no markup, no entities. */
  NONE {
    @Override
    public ParsedText parse(String source) {
      return ParsedText.plain(source);
    }

    @Override
    public String format(String text, JsonArray entities) {
      return text;
    }
  };

  /**
   * Formatted text to plain text and entities.
   *
   * @throws ParseException when the source is malformed
   */
  public abstract ParsedText parse(String source);

  /**
   * Text and entities (TL JSON, UTF-16 offsets) to formatted text. Entities without a markup in this mode (mentions,
   * hashtags, URLs Telegram detects by itself) stay plain text.
   *
   * @throws IllegalArgumentException when an entity is not a JSON object with numeric offset and length
   */
  public abstract String format(String text, JsonArray entities);

  /** Same as {@code format(parsed.text(), parsed.entities())}. */
  public String format(ParsedText parsed) {
    return format(parsed.text(), parsed.entities());
  }

  /** Plain text escaped for this mode, so that it parses back to itself with no entities. */
  public String escape(String plain) {
    return format(plain, new JsonArray());
  }

  /**
   * The mode named as in the Bot API's and MadelineProto's {@code parse_mode}, case-insensitively: "HTML",
   * "MarkdownV2" (also "Markdown", "md": both mean MarkdownV2 here), "None"/"text"/""/null for plain text.
   *
   * @throws IllegalArgumentException for any other name
   */
  public static ParseMode of(String name) {
    String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    return switch (key) {
      case "html" -> HTML;
      case "markdown", "markdownv2", "md" -> MARKDOWN;
      case "", "none", "text", "plain" -> NONE;
      default -> throw new IllegalArgumentException(
        "unknown parse mode \"" + name + "\": expected HTML, MarkdownV2 (or Markdown) or None");
    };
  }
}
