package dev.vertigram.parse;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.vertigram.parse.E.bold;
import static dev.vertigram.parse.E.e;
import static dev.vertigram.parse.E.emoji;
import static dev.vertigram.parse.E.italic;
import static dev.vertigram.parse.E.list;
import static dev.vertigram.parse.E.mention;
import static dev.vertigram.parse.E.pre;
import static dev.vertigram.parse.E.quote;
import static dev.vertigram.parse.E.text;
import static dev.vertigram.parse.E.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FormatTest {

  private static String html(ParsedText parsed) {
    return ParseMode.HTML.format(parsed);
  }

  private static String md(ParsedText parsed) {
    return ParseMode.MARKDOWN.format(parsed);
  }

  @Test
  void htmlEscapesTextAndAttributes() {
    assertEquals("<b>a</b>&lt;b&gt;&amp;c\"", html(text("a<b>&c\"", bold(0, 1))));
    assertEquals("<a href=\"http://x/?a=&quot;1&quot;&amp;b&lt;\">x</a>", html(text("x", url(0, 1, "http://x/?a=\"1\"&b<"))));
  }

  @Test
  void htmlTags() {
    assertEquals("<pre><code class=\"language-python\">x</code></pre><pre>y</pre><code>z</code>",
      html(text("xyz", pre(0, 1, "python"), pre(1, 1, ""), e("Code", 2, 1))));
    assertEquals("<u>a</u><s>b</s><tg-spoiler>c</tg-spoiler><tg-emoji emoji-id=\"7\">d</tg-emoji>",
      html(text("abcd", e("Underline", 0, 1), e("Strike", 1, 1), e("Spoiler", 2, 1), emoji(3, 1, 7))));
    assertEquals("<blockquote>a</blockquote><blockquote expandable>b</blockquote>",
      html(text("ab", quote(0, 1, false), quote(1, 1, true))));
  }

  @Test
  void mentionsOfEveryShape() {
    JsonObject received = e("MentionName", 0, 1).put("user_id", 5L);
    JsonObject input = new JsonObject().put("_", "inputMessageEntityMentionName").put("offset", 1).put("length", 1)
      .put("user_id", new JsonObject().put("_", "inputUser").put("user_id", 6L).put("access_hash", 1L));
    JsonObject self = new JsonObject().put("_", "inputMessageEntityMentionName").put("offset", 2).put("length", 1)
      .put("user_id", new JsonObject().put("_", "inputUserSelf"));
    ParsedText parsed = text("abc", received, input, self);
    assertEquals("<a href=\"tg://user?id=5\">a</a><a href=\"tg://user?id=6\">b</a>c", html(parsed));
    assertEquals("[a](tg://user?id=5)[b](tg://user?id=6)c", md(parsed));
  }

  @Test
  void entitiesWithoutMarkupStayPlain() {
    ParsedText parsed = text("#tag @me", e("Hashtag", 0, 4), e("Mention", 5, 3), e("Unknown", 0, 1));
    assertEquals("#tag @me", html(parsed));
    assertEquals("\\#tag @me", md(parsed));
  }

  @Test
  void overlappingEntitiesAreClosedAndReopened() {
    ParsedText parsed = text("abcdefgh", bold(0, 5), italic(3, 5));
    assertEquals("<b>abc<i>de</i></b><i>fgh</i>", html(parsed));
    assertEquals("*abc_de_*_fgh_", md(parsed));
  }

  @Test
  void entityEdgesNeverSplitASurrogatePair() {
    assertEquals("<b>👍</b>x", html(text("👍x", bold(1, 1))));
    assertEquals("*x👍*", md(text("x👍", bold(0, 2))));
  }

  @Test
  void markdownEscapesEverywhere() {
    assertEquals("*a*\\.b\\*c\\\\\\_\\!", md(text("a.b*c\\_!", bold(0, 1))));
    assertEquals("`a\\`\\\\b.`", md(text("a`\\b.", e("Code", 0, 5))));
    assertEquals("[x](http://x/(a\\)\\\\)", md(text("x", url(0, 1, "http://x/(a)\\"))));
  }

  @Test
  void markdownSeparatesRunsOfUnderscores() {
    assertEquals("_**__ab___", md(text("ab", italic(0, 2), e("Underline", 0, 2))));
    assertEquals("*_a_~~__b__*", md(text("ab", bold(0, 2), italic(0, 1), e("Underline", 1, 1))));
  }

  @Test
  void markdownPre() {
    assertEquals("```py\nx = 1```", md(text("x = 1", pre(0, 5, "py"))));
    assertEquals("```\nx```", md(text("x", pre(0, 1, "bad language"))), "a language MarkdownV2 cannot write is left out");
    assertEquals("```\n\r\nx```", md(text("\r\nx", pre(0, 3, ""))).replace("```\r\n", "```\n"));
  }

  @Test
  void markdownCodeHoldsNoMarkup() {
    assertEquals("`abc`", md(text("abc", e("Code", 0, 3), bold(1, 1))));
    assertEquals("*a`b`c*", md(text("abc", bold(0, 3), e("Code", 1, 1))));
    assertEquals("*a*`bc`", md(text("abc", bold(0, 2), e("Code", 1, 2))));
  }

  @Test
  void markdownQuotes() {
    assertEquals(">a\n>b\nc", md(text("a\nb\nc", quote(0, 4, false))));
    assertEquals("x\n>a||\nc", md(text("x\na\nc", quote(2, 2, true))));
    assertEquals(">a\n**>b", md(text("a\nb", quote(0, 2, false), quote(2, 1, false))));
    assertEquals(">ab\ncd", md(text("ab\ncd", quote(0, 1, false))), "a quote covers whole lines");
    assertEquals("*a\n*>*b*", md(text("a\nb", bold(0, 3), quote(2, 1, false))));
    assertEquals("```\nx```\n>y", md(text("x\ny", pre(0, 2, ""), quote(2, 1, false))));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "<b>bold <i>both</i></b> <a href=\"https://x.y/?a=1&amp;b=2\">link</a> <a href=\"tg://user?id=42\">Bob</a>",
    "<pre><code class=\"language-java\">int x = a &lt; b;</code></pre>\n<pre>plain</pre> <code>c</code>",
    "<blockquote>q1\nq2</blockquote><blockquote expandable>hidden <tg-spoiler>s</tg-spoiler></blockquote>",
    "👍 <tg-emoji emoji-id=\"5368324170671202286\">👍</tg-emoji> <u>u</u> <s>s</s> &amp; \"",
  })
  void htmlRoundTripIsExact(String html) {
    assertEquals(html, ParseMode.HTML.format(ParseMode.HTML.parse(html)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "*bold _both_* [link](https://x.y/?a=1&b=2) [Bob](tg://user?id=42) \\. \\\\",
    "```java\nint x = a < b;```\n```\nplain``` `c`",
    ">q1\n>q2\n**>hidden ||s||||\nafter",
    "👍 ![👍](tg://emoji?id=5368324170671202286) __u__ ~s~ _**__iu___",
  })
  void markdownRoundTripIsExact(String markdown) {
    assertEquals(markdown, ParseMode.MARKDOWN.format(ParseMode.MARKDOWN.parse(markdown)));
  }

  @Test
  void htmlAndMarkdownAgree() {
    ParsedText fromHtml = ParseMode.HTML.parse("<b>a <i>b</i></b> <a href=\"u\">c</a>\n<blockquote>q</blockquote>");
    ParsedText fromMd = ParseMode.MARKDOWN.parse("*a _b_* [c](u)\n>q");
    assertEquals(fromHtml, fromMd);
    assertEquals(fromHtml, ParseMode.MARKDOWN.parse(md(fromHtml)));
  }

  @Test
  void theDocumentedExample() {
    ParsedText msg = ParseMode.HTML.parse("<b>Hi</b> <a href=\"tg://user?id=42\">Bob</a> 👍");
    assertEquals(text("Hi Bob 👍", bold(0, 2), mention(3, 3, 42)), msg);
    assertEquals("*Hi* [Bob](tg://user?id=42) 👍", md(msg));
    ParseException e = assertThrows(ParseException.class, () -> ParseMode.HTML.parse("<b>x<i>y</b></i>"));
    assertEquals("HTML at position 8: end tag </b> does not match <i> opened at position 4", e.getMessage());
  }

  @Test
  void escapeAndParseModeNames() {
    assertEquals("a &lt;b&gt;", ParseMode.HTML.escape("a <b>"));
    assertEquals("1\\+1\\=2\\.", ParseMode.MARKDOWN.escape("1+1=2."));
    assertEquals("*x*", ParseMode.NONE.escape("*x*"));
    assertEquals(ParseMode.HTML, ParseMode.of("HTML"));
    assertEquals(ParseMode.MARKDOWN, ParseMode.of("MarkdownV2"));
    assertEquals(ParseMode.MARKDOWN, ParseMode.of("markdown"));
    assertEquals(ParseMode.NONE, ParseMode.of(null));
    assertEquals(text("*x*"), ParseMode.NONE.parse("*x*"));
    assertThrows(IllegalArgumentException.class, () -> ParseMode.of("bbcode"));
  }

  @Test
  void malformedEntitiesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> ParseMode.HTML.format("x", new JsonArray().add("bold")));
    assertThrows(IllegalArgumentException.class, () -> ParseMode.HTML.format("x", list(bold(0, 1).put("offset", "0"))));
    assertThrows(IllegalArgumentException.class, () -> ParseMode.HTML.format("x", list(e("TextUrl", 0, 1))));
    assertThrows(IllegalArgumentException.class, () -> ParseMode.HTML.format("x", list(emoji(0, 1, 0))));
    assertEquals("x", ParseMode.HTML.format("x", list(bold(5, 3), bold(0, 0), bold(0, -2))), "out of range: nothing");
    assertEquals("<b>ab</b>c", ParseMode.HTML.format("abc", list(bold(-5, 7))), "clamped to the text");
  }
}
