package dev.vertigram.bench;

import dev.vertigram.parse.MessageSplitter;
import dev.vertigram.parse.ParseMode;
import dev.vertigram.parse.ParsedText;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Parse modes on a full-size message (about 4000 UTF-16 units, a few hundred entities): messages per second. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParseBenchmark {

  private String html;
  private String markdown;
  private ParsedText parsed;
  private ParsedText twice;

  @Setup
  public void setUp() {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (sb.length() < 3900) {
      sb.append("<b>bold ").append(i).append(" <i>both</i></b> plain &amp; text 👍 ")
        .append("<a href=\"https://example.com/").append(i).append("\">link</a>, <code>code()</code>\n");
      if (i++ % 10 == 9) {
        sb.append("<blockquote>a quoted line\nand another</blockquote>\n<pre><code class=\"language-java\">int x = 1;"
          + "</code></pre>\n");
      }
    }
    html = sb.toString();
    parsed = ParseMode.HTML.parse(html);
    markdown = ParseMode.MARKDOWN.format(parsed);
    twice = ParseMode.HTML.parse(html + html);
  }

  @Benchmark
  public ParsedText parseHtml() {
    return ParseMode.HTML.parse(html);
  }

  @Benchmark
  public ParsedText parseMarkdown() {
    return ParseMode.MARKDOWN.parse(markdown);
  }

  @Benchmark
  public String formatHtml() {
    return ParseMode.HTML.format(parsed);
  }

  @Benchmark
  public String formatMarkdown() {
    return ParseMode.MARKDOWN.format(parsed);
  }

  @Benchmark
  public List<ParsedText> splitTwoMessages() {
    return MessageSplitter.split(twice);
  }
}
