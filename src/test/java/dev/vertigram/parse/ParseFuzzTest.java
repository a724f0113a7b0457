package dev.vertigram.parse;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Seeded random tests: random entities through the formatters; hostile input (random markup, and valid markup with
 * random edits) through the parsers.
 */
class ParseFuzzTest {

  private static final String[] TEXT = {"a", "b", " ", "\n", "👍", "😀", "<", ">", "&", "\"", "*", "_", "`", "\\", "[",
    "]", "(", ")", "|", "~", "!", ".", "#", "é", "\r", "\t", "&lt;", "tg://user?id=1"};
  private static final String[] HTML = {"<b>", "</b>", "<i>", "</i>", "<u>", "</u>", "<a href=\"x\">", "</a>",
    "<a href='tg://user?id=9'>", "<pre>", "</pre>", "<code class=\"language-c\">", "<code>", "</code>",
    "<blockquote>", "<blockquote expandable>", "</blockquote>", "<tg-spoiler>", "</tg-spoiler>",
    "<span class=\"tg-spoiler\">", "</span>", "<tg-emoji emoji-id=\"5\">", "</tg-emoji>", "&lt;", "&amp;", "&#128077;",
    "&#xD800;", "&", "<", ">", "\"", "'", "=", "a", " ", "\n", "👍", "\uD83D", "é", "</", "<a", " href="};
  private static final String[] MARKDOWN = {"*", "_", "__", "~", "||", "|", "`", "```", "```py\n", "[", "]", "(", ")",
    "](http://x)", "](tg://user?id=9)", "![", "](tg://emoji?id=7)", ">", "**>", "\\", "\\*", "\\\\", "\\_", "a", " ",
    "\n", "\n>", "👍", ".", "!", "#", "\uDC00", "-", "é", "\r"};

  private final Random random = new Random(20250101L);

  @Test
  void randomEntitiesSurviveHtml() {
    for (int round = 0; round < 2000; round++) {
      ParsedText original = randomParsedText(true);
      String html = ParseMode.HTML.format(original);
      ParsedText back = parseOrFail(ParseMode.HTML, html, original);
      assertEquals(original.text(), back.text(), html);
      assertEquals(coverage(original), coverage(back), () -> original + "\n" + html);
      assertFixedPoint(ParseMode.HTML, ParseMode.HTML.format(back));
    }
  }

  @Test
  void randomEntitiesSurviveMarkdown() {
    for (int round = 0; round < 2000; round++) {
      boolean lossless = round % 2 == 0;
      ParsedText original = randomParsedText(!lossless);
      String md = ParseMode.MARKDOWN.format(original);
      ParsedText back = parseOrFail(ParseMode.MARKDOWN, md, original);
      assertEquals(original.text(), back.text(), md);
      assertFixedPoint(ParseMode.MARKDOWN, ParseMode.MARKDOWN.format(back));
      if (lossless) {
        assertEquals(coverage(original), coverage(back), () -> original + "\n" + md);
      }
    }
  }

  @Test
  void hostileHtmlOnlyEverThrowsParseException() {
    fuzz(ParseMode.HTML, HTML);
  }

  @Test
  void hostileMarkdownOnlyEverThrowsParseException() {
    fuzz(ParseMode.MARKDOWN, MARKDOWN);
  }

  private void fuzz(ParseMode mode, String[] pieces) {
    int parsed = 0;
    for (int round = 0; round < 4000; round++) {
      StringBuilder source = new StringBuilder();
      if (round % 2 == 0) {
        int count = random.nextInt(24);
        for (int i = 0; i < count; i++) {
          source.append(pieces[random.nextInt(pieces.length)]);
        }
      } else {
        source.append(mode.format(randomParsedText(true)));
        mutate(source, pieces);
      }
      ParsedText first;
      try {
        first = mode.parse(source.toString());
      } catch (ParseException e) {
        assertTrue(e.position() >= 0 && e.position() <= source.length(), e.getMessage());
        continue;
      } catch (RuntimeException e) {
        throw new AssertionError("not a ParseException for " + source, e);
      }
      parsed++;
      checkWellFormed(first);
      String formatted = mode.format(first);
      ParsedText second = parseOrFail(mode, formatted, first);
      assertEquals(first.text(), second.text());
      assertFixedPoint(mode, mode.format(second));
      if (mode == ParseMode.HTML) {
        assertEquals(coverage(first), coverage(second), () -> source + " -> " + formatted);
      }
    }
    assertTrue(parsed > 200, "too few valid inputs to mean anything: " + parsed);
  }

  /**
   * Formatting what was parsed gives the same markup once the entities are in the parser's form (entities split by
   * an earlier formatting may nest in another order the first time).
   */
  private static void assertFixedPoint(ParseMode mode, String formatted) {
    ParsedText parsed = parseOrFail(mode, formatted, null);
    assertEquals(formatted, mode.format(parsed), () -> "not stable: " + formatted);
    assertEquals(coverage(parsed), coverage(mode.parse(mode.format(parsed))));
  }

  /** Valid markup with a few pieces inserted or characters deleted. */
  private void mutate(StringBuilder source, String[] pieces) {
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits; i++) {
      int at = random.nextInt(source.length() + 1);
      if (random.nextBoolean() && at < source.length()) {
        source.deleteCharAt(at);
      } else {
        source.insert(at, pieces[random.nextInt(pieces.length)]);
      }
    }
  }

  private static ParsedText parseOrFail(ParseMode mode, String source, ParsedText from) {
    try {
      return mode.parse(source);
    } catch (ParseException e) {
      return fail("formatted " + from + " as unparsable " + mode + ": " + source, e);
    }
  }

  private static void checkWellFormed(ParsedText parsed) {
    String text = parsed.text();
    for (Object value : parsed.entities()) {
      JsonObject entity = (JsonObject) value;
      int offset = entity.getInteger("offset");
      int end = offset + entity.getInteger("length");
      assertTrue(offset >= 0 && offset < end && end <= text.length(), entity::encode);
      assertFalse(Chars.splitsPair(text, offset) || Chars.splitsPair(text, end), entity::encode);
    }
  }

  /** Random text with random entities of every kind on whole code points ({@code quotesAndCode}: also those). */
  private ParsedText randomParsedText(boolean quotesAndCode) {
    StringBuilder text = new StringBuilder();
    List<Integer> edges = new ArrayList<>(List.of(0));
    int pieces = 1 + random.nextInt(30);
    for (int i = 0; i < pieces; i++) {
      text.append(TEXT[random.nextInt(TEXT.length)]);
      edges.add(text.length());
    }
    JsonArray entities = new JsonArray();
    int count = random.nextInt(8);
    for (int i = 0; i < count; i++) {
      int a = edges.get(random.nextInt(edges.size()));
      int b = edges.get(random.nextInt(edges.size()));
      if (a != b) {
        entities.add(randomEntity(Math.min(a, b), Math.abs(a - b), quotesAndCode));
      }
    }
    return new ParsedText(text.toString(), entities);
  }

  private JsonObject randomEntity(int offset, int length, boolean quotesAndCode) {
    int kinds = quotesAndCode ? 11 : 8;
    JsonObject e = new JsonObject().put("offset", offset).put("length", length);
    return switch (random.nextInt(kinds)) {
      case 0 -> e.put("_", "messageEntityBold");
      case 1 -> e.put("_", "messageEntityItalic");
      case 2 -> e.put("_", "messageEntityUnderline");
      case 3 -> e.put("_", "messageEntityStrike");
      case 4 -> e.put("_", "messageEntitySpoiler");
      case 5 -> e.put("_", "messageEntityTextUrl").put("url", "https://e.x/" + "()\\\"&<> a".charAt(random.nextInt(9)));
      case 6 -> e.put("_", "inputMessageEntityMentionName").put("user_id", 1L + random.nextInt(3));
      case 7 -> e.put("_", "messageEntityCustomEmoji").put("document_id", 1L + random.nextInt(3));
      case 8 -> e.put("_", "messageEntityCode");
      case 9 -> e.put("_", "messageEntityPre").put("language", random.nextBoolean() ? "" : "py");
      default -> random.nextBoolean() ? e.put("_", "messageEntityBlockquote")
        : e.put("_", "messageEntityBlockquote").put("collapsed", true);
    };
  }

  /** For each UTF-16 unit: the set of formatting covering it (kind and attributes), whatever the entity split. */
  static List<Set<String>> coverage(ParsedText parsed) {
    List<Set<String>> coverage = new ArrayList<>();
    for (int i = 0; i < parsed.text().length(); i++) {
      coverage.add(new TreeSet<>());
    }
    for (Span span : Spans.of(parsed.text(), parsed.entities())) {
      JsonObject attributes = span.entity.copy();
      attributes.remove("offset");
      attributes.remove("length");
      attributes.remove("_");
      attributes.remove("collapsed");
      if (span.kind == EntityKind.MENTION_NAME) {
        attributes.put("user_id", Spans.userId(span.entity));
      }
      String key = span.kind + attributes.encode() + (Spans.collapsed(span.entity) ? "collapsed" : "");
      for (int i = span.start; i < span.end; i++) {
        coverage.get(i).add(key);
      }
    }
    return coverage;
  }
}
