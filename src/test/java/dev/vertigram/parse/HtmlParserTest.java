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

class HtmlParserTest {

  private static ParsedText parse(String html) {
    return ParseMode.HTML.parse(html);
  }

  @Test
  void plainText() {
    assertEquals(text("hello, world"), parse("hello, world"));
    assertEquals(text(""), parse(""));
  }

  @Test
  void everyFormattingTagAndItsAliases() {
    assertEquals(text("b i u s p",
        bold(0, 1), italic(2, 1), e("Underline", 4, 1), e("Strike", 6, 1), e("Spoiler", 8, 1)),
      parse("<b>b</b> <i>i</i> <u>u</u> <s>s</s> <tg-spoiler>p</tg-spoiler>"));
    assertEquals(text("b i u s s p",
        bold(0, 1), italic(2, 1), e("Underline", 4, 1), e("Strike", 6, 1), e("Strike", 8, 1), e("Spoiler", 10, 1)),
      parse("<strong>b</strong> <em>i</em> <ins>u</ins> <strike>s</strike> <del>s</del> "
        + "<span class=\"tg-spoiler\">p</span>"));
  }

  @Test
  void tagNamesAreCaseInsensitive() {
    assertEquals(text("x", bold(0, 1)), parse("<B>x</b>"));
  }

  @Test
  void nestedEntitiesAreSortedByOffsetThenLongestFirst() {
    assertEquals(text("abcd", bold(0, 4), italic(1, 2), e("Underline", 1, 1)),
      parse("<b>a<i><u>b</u>c</i>d</b>"));
  }

  @Test
  void offsetsCountUtf16UnitsAroundSurrogatePairs() {
    ParsedText parsed = parse("👍 <b>x😀y</b> 🇺🇦<i>z</i>");
    assertEquals("👍 x😀y 🇺🇦z", parsed.text());
    assertEquals(text("👍 x😀y 🇺🇦z", bold(3, 4), italic(12, 1)), parsed);
  }

  @Test
  void characterReferences() {
    assertEquals("<>&\"A👍é", parse("&lt;&gt;&amp;&quot;&#65;&#x1F44D;&#XE9;").text());
    assertEquals("< x", parse("&lt x").text(), "the ';' is optional, as in Telegram");
    assertEquals("&ltx", parse("&ltx").text(), "a reference name is all the letters after '&'");
    assertEquals("&nbsp; & &#; &#x;", parse("&nbsp; & &#; &#x;").text(), "unknown references stay literal");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "&#0;|0", "&#xD800;|0", "&#1114112;|0", "&#99999999999999999999;|0", "ab&#x110000;|2"})
  void characterReferenceToNoCharacterIsAnError(String html, int position) {
    ParseException e = assertThrows(ParseException.class, () -> parse(html));
    assertEquals(position, e.position());
    assertTrue(e.getMessage().contains("invalid character reference"), e.getMessage());
  }

  @Test
  void links() {
    assertEquals(text("site", url(0, 4, "https://x.y/?a=1&b=2")), parse("<a href=\"https://x.y/?a=1&amp;b=2\">site</a>"));
    assertEquals(text("site", url(0, 4, "http://a.b")), parse("<a href='http://a.b'>site</a>"));
    assertEquals(text("t.me", url(0, 4, "t.me")), parse("<a>t.me</a>"), "no href: the text is the URL");
    assertEquals(text("me", url(0, 2, "t.me")), parse("<a href=t.me>me</a>"), "unquoted name token");
  }

  @Test
  void userMentionLinks() {
    assertEquals(text("Bob", mention(0, 3, 123456789L)), parse("<a href=\"tg://user?id=123456789\">Bob</a>"));
    assertEquals(text("Bob", mention(0, 3, 5L)), parse("<a href=\"TG://user?x=1&id=5\">Bob</a>"));
  }

  @Test
  void preAndCode() {
    assertEquals(text("x = 1", e("Code", 0, 5)), parse("<code>x = 1</code>"));
    assertEquals(text("x = 1", pre(0, 5, "")), parse("<pre>x = 1</pre>"));
    assertEquals(text("print(1)", pre(0, 8, "python")),
      parse("<pre><code class=\"language-python\">print(1)</code></pre>"));
    assertEquals(text("print(1)", pre(0, 8, "python")),
      parse("<code class=\"language-python\"><pre>print(1)</pre></code>"));
    assertEquals(text("a b", pre(0, 3, ""), e("Code", 2, 1)),
      parse("<pre>a <code class=\"language-c\">b</code></pre>"), "a code inside only part of the pre keeps apart");
  }

  @Test
  void blockquotes() {
    assertEquals(text("q", quote(0, 1, false)), parse("<blockquote>q</blockquote>"));
    assertEquals(text("q", quote(0, 1, true)), parse("<blockquote expandable>q</blockquote>"));
    assertEquals(text("q", quote(0, 1, true)), parse("<blockquote expandable=\"\">q</blockquote>"));
  }

  @Test
  void customEmoji() {
    assertEquals(text("👍", emoji(0, 2, 5368324170671202286L)),
      parse("<tg-emoji emoji-id=\"5368324170671202286\">👍</tg-emoji>"));
  }

  @Test
  void emptyEntitiesAreDropped() {
    assertEquals(text("x"), parse("<b></b>x<i></i>"));
  }

  @Test
  void newlinesAndSpacesAreKept() {
    assertEquals(text(" a\n\tb ", bold(1, 4)), parse(" <b>a\n\tb</b> "));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "<b>x|0|no end tag for <b>",
    "a <b>x<i>y</b></i>|10|end tag </b> does not match <i> opened at position 6",
    "x</b>|1|unexpected end tag",
    "a < b|2|unsupported start tag \"\"",
    "<foo>x</foo>|0|unsupported start tag \"foo\"",
    "<br>|0|unsupported start tag \"br\"",
    "<b|0|unclosed start tag",
    "<a href=\"x>y</a>|0|unclosed attribute value",
    "<a href=x:y>z</a>|9|unexpected character ':'",
    "<b>x</b|4|unclosed end tag",
    "<span>x</span>|0|must have class \"tg-spoiler\"",
    "<tg-emoji emoji-id=\"abc\">x</tg-emoji>|0|invalid custom emoji id",
    "<tg-emoji>x</tg-emoji>|0|invalid custom emoji id",
    "<b =x>y</b>|3|empty attribute name",
  })
  void malformedInputNamesThePosition(String html, int position, String message) {
    ParseException e = assertThrows(ParseException.class, () -> parse(html));
    assertEquals(position, e.position(), e.getMessage());
    assertTrue(e.getMessage().startsWith("HTML at position " + position + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void unpairedSurrogateIsAnError() {
    ParseException e = assertThrows(ParseException.class, () -> parse("ab\uD83D<b>\uDC4D</b>"));
    assertEquals(2, e.position());
  }
}
