package dev.vertigram.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.vertigram.parse.E.bold;
import static dev.vertigram.parse.E.e;
import static dev.vertigram.parse.E.emoji;
import static dev.vertigram.parse.E.italic;
import static dev.vertigram.parse.E.mention;
import static dev.vertigram.parse.E.pre;
import static dev.vertigram.parse.E.quote;
import static dev.vertigram.parse.E.text;
import static dev.vertigram.parse.E.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownParserTest {

  private static ParsedText parse(String markdown) {
    return ParseMode.MARKDOWN.parse(markdown);
  }

  @Test
  void formattingEntities() {
    assertEquals(text("b i u s p", bold(0, 1), italic(2, 1), e("Underline", 4, 1), e("Strike", 6, 1),
      e("Spoiler", 8, 1)), parse("*b* _i_ __u__ ~s~ ||p||"));
  }

  @Test
  void botApiNestingExample() {
    // From the Bot API's MarkdownV2 section.
    assertEquals(text("bold italic bold italic bold strikethrough italic bold strikethrough spoiler underline "
        + "italic bold bold",
        bold(0, 103), italic(5, 93), e("Strike", 17, 59), e("Spoiler", 43, 33), e("Underline", 77, 21)),
      parse("*bold _italic bold ~italic bold strikethrough ||italic bold strikethrough spoiler||~ "
        + "__underline italic bold___ bold*"));
  }

  @Test
  void underlineIsGreedyAndAnEmptyBoldSeparates() {
    assertEquals(text("italic underline", italic(0, 16), e("Underline", 0, 16)),
      parse("___italic underline_**__"));
  }

  @Test
  void escapes() {
    assertEquals("_*[]()~`>#+-=|{}.!\\", parse("\\_\\*\\[\\]\\(\\)\\~\\`\\>\\#\\+\\-\\=\\|\\{\\}\\.\\!\\\\").text());
    assertEquals("a\\é \\", parse("a\\é \\").text(), "'\\' before no ASCII character is literal, as in Telegram");
  }

  @Test
  void surrogatePairsCountTwoUnits() {
    assertEquals(text("👍x😀", bold(2, 3)), parse("👍*x😀*"));
  }

  @Test
  void inlineAndPreformattedCode() {
    assertEquals(text("a*b_c\\`", e("Code", 0, 7)), parse("`a*b_c\\\\\\``"));
    assertEquals(text("code\n", pre(0, 5, "")), parse("```\ncode\n```"));
    assertEquals(text("print(1)\n", pre(0, 9, "python")), parse("```python\nprint(1)\n```"));
    assertEquals(text("\nx", pre(0, 2, "")), parse("```\n\nx```"), "only one newline is skipped");
    assertEquals(text("python", pre(0, 6, "")), parse("```python```"), "no language without content");
  }

  @Test
  void links() {
    assertEquals(text("site", url(0, 4, "http://x.y/a)b\\")), parse("[site](http://x.y/a\\)b\\\\)"));
    assertEquals(text("t.me", url(0, 4, "t.me")), parse("[t\\.me]"), "no (url): the text is the URL");
    assertEquals(text("Bob", mention(0, 3, 42L)), parse("[Bob](tg://user?id=42)"));
    assertEquals(text("a bold link", url(0, 11, "u"), bold(2, 4)), parse("[a *bold* link](u)"));
  }

  @Test
  void customEmoji() {
    assertEquals(text("👍", emoji(0, 2, 5368324170671202286L)), parse("![👍](tg://emoji?id=5368324170671202286)"));
  }

  @Test
  void blockQuotesFromTheBotApi() {
    String md = ">Block quotation started\n>Block quotation continued\n>The last line of the block quotation\n"
      + "**>The expandable block quotation started right after the previous block quotation\n"
      + ">It is separated from the previous block quotation by an empty bold entity\n"
      + ">The last line of the expandable block quotation with the expandability mark||";
    ParsedText parsed = parse(md);
    String first = "Block quotation started\nBlock quotation continued\nThe last line of the block quotation\n";
    assertEquals(text(first + "The expandable block quotation started right after the previous block quotation\n"
        + "It is separated from the previous block quotation by an empty bold entity\n"
        + "The last line of the expandable block quotation with the expandability mark",
        quote(0, first.length(), false), quote(first.length(), parsed.text().length() - first.length(), true)),
      parsed);
  }

  @Test
  void quoteEndsWithItsNewlineAtALineWithoutMarker() {
    assertEquals(text("a\nb\nc", quote(0, 4, false)), parse(">a\n>b\nc"));
    assertEquals(text("x\na\nc", quote(2, 2, true)), parse("x\n>a||\nc"));
    assertEquals(text("a b", quote(0, 3, false), bold(2, 1)), parse(">a *b*"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '¦', value = {
    "a.b¦1¦character '.' is reserved",
    "1+1=2¦1¦character '+' is reserved",
    "a > b¦2¦character '>' is reserved",
    "*bold¦0¦can't find the end of the bold entity",
    "x _it¦2¦can't find the end of the italic entity",
    "x |y¦2¦character '|' is reserved",
    "x !y¦2¦character '!' is reserved",
    "[a](b¦4¦can't find the ')' ending the URL",
    "![x](tg://user?id=1)¦0¦invalid custom emoji URL",
    "![x] y¦0¦a custom emoji must be followed by",
    "[a]()¦0¦empty URL",
    "```⏎a`b```¦5¦character '`' must be escaped",
    ">a *b⏎c*¦3¦unclosed bold entity at the end of the block quote",
    "`code¦0¦can't find the end of the code entity",
  })
  void malformedInputNamesThePosition(String markdown, int position, String message) {
    // '⏎' stands for a newline, which a CSV line cannot hold.
    ParseException e = assertThrows(ParseException.class, () -> parse(markdown.replace('⏎', '\n')));
    assertEquals(position, e.position(), e.getMessage());
    assertTrue(e.getMessage().startsWith("MarkdownV2 at position " + position + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }
}
