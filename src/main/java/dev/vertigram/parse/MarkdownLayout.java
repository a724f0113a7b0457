package dev.vertigram.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fits entities to what MarkdownV2 can write, before {@link MarkdownRenderer} writes them.
 *
 * <ul>
 *   <li>A block quote covers whole lines: it is widened to start at a line start and to end after a newline (or at
 *   the end of the text), and quotes that then overlap are merged. Its final newline belongs to it (as when Telegram
 *   parses MarkdownV2) but carries no other entity, and no entity crosses its start or its end.</li>
 *   <li>Bold, italic, underline, strike and spoiler entities of one kind that overlap or touch are merged: their
 *   markers cannot nest ({@code *a *b* c*} is two bold entities and an unclosed one).</li>
 *   <li>Code and pre hold no markup: an entity overlapping one without covering it loses that part (one inside
 *   another code or pre disappears).</li>
 *   <li>A code or pre just before a quote does not end with the newline before the quote (Telegram would not start
 *   the quote there).</li>
 * </ul>
 */
final class MarkdownLayout {

  /** A block quote: {@code [start, contentEnd)} is written, {@code [contentEnd, end)} is its final newline. */
  record Quote(int start, int contentEnd, int end, boolean collapsed) {
  }

  private static final Set<EntityKind> MERGED = EnumSet.of(EntityKind.BOLD, EntityKind.ITALIC, EntityKind.UNDERLINE,
    EntityKind.STRIKE, EntityKind.SPOILER);

  final List<Quote> quotes = new ArrayList<>();
  final List<Span> spans;

  MarkdownLayout(String text, List<Span> all) {
    List<Span> others = new ArrayList<>();
    List<Span> quoteSpans = new ArrayList<>();
    for (Span span : all) {
      (span.kind == EntityKind.BLOCKQUOTE ? quoteSpans : others).add(span);
    }
    quotes(text, quoteSpans);
    spans = beforeQuotes(leaves(cutAtQuotes(merged(others))));
  }

  private static List<Span> merged(List<Span> spans) {
    List<Span> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparingInt(s -> s.start));
    List<Span> result = new ArrayList<>();
    Map<EntityKind, Integer> last = new EnumMap<>(EntityKind.class);
    for (Span span : sorted) {
      Integer index = MERGED.contains(span.kind) ? last.get(span.kind) : null;
      if (index != null && span.start <= result.get(index).end) {
        Span previous = result.get(index);
        result.set(index, previous.withRange(previous.start, Math.max(previous.end, span.end)));
      } else {
        last.put(span.kind, result.size());
        result.add(span);
      }
    }
    return result;
  }

  private void quotes(String text, List<Span> quoteSpans) {
    quoteSpans.sort(Comparator.comparingInt(s -> s.start));
    int start = -1;
    int end = -1;
    boolean collapsed = false;
    for (Span span : quoteSpans) {
      int lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
      int newline = text.charAt(span.end - 1) == '\n' ? span.end - 1 : text.indexOf('\n', span.end);
      int lineEnd = newline < 0 ? text.length() : newline + 1;
      if (lineStart < end) {
        end = Math.max(end, lineEnd);
        collapsed |= Spans.collapsed(span.entity);
        continue;
      }
      addQuote(text, start, end, collapsed);
      start = lineStart;
      end = lineEnd;
      collapsed = Spans.collapsed(span.entity);
    }
    addQuote(text, start, end, collapsed);
  }

  private void addQuote(String text, int start, int end, boolean collapsed) {
    if (start >= 0) {
      quotes.add(new Quote(start, text.charAt(end - 1) == '\n' ? end - 1 : end, end, collapsed));
    }
  }

  private List<Span> cutAtQuotes(List<Span> spans) {
    List<Span> result = spans;
    for (Quote quote : quotes) {
      List<Span> cut = new ArrayList<>();
      for (Span span : result) {
        for (Span piece : Spans.subtract(span, quote.contentEnd, quote.end)) {
          cut.addAll(Spans.splitAt(piece, quote.start));
        }
      }
      result = cut;
    }
    return result;
  }

  private static List<Span> leaves(List<Span> spans) {
    List<Span> leaves = new ArrayList<>();
    List<Span> others = new ArrayList<>();
    List<Span> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparingInt((Span s) -> s.start).thenComparingInt(s -> -s.end));
    for (Span span : sorted) {
      if (span.kind.isLeaf()) {
        leaves.addAll(outside(List.of(span), leaves, false));
      } else {
        others.add(span);
      }
    }
    List<Span> result = new ArrayList<>(leaves);
    result.addAll(outside(others, leaves, true));
    return result;
  }

  /** The pieces of {@code spans} outside every leaf (unless, when {@code keepCovering}, the piece covers it). */
  private static List<Span> outside(List<Span> spans, List<Span> leaves, boolean keepCovering) {
    List<Span> pieces = spans;
    for (Span leaf : leaves) {
      List<Span> next = new ArrayList<>();
      for (Span piece : pieces) {
        if (keepCovering && piece.covers(leaf.start, leaf.end)) {
          next.add(piece);
        } else {
          next.addAll(Spans.subtract(piece, leaf.start, leaf.end));
        }
      }
      pieces = next;
    }
    return pieces;
  }

  private List<Span> beforeQuotes(List<Span> spans) {
    Set<Integer> starts = new HashSet<>();
    quotes.forEach(quote -> starts.add(quote.start));
    List<Span> result = new ArrayList<>();
    for (Span span : spans) {
      boolean shrink = span.kind.isLeaf() && starts.contains(span.end);
      if (!shrink) {
        result.add(span);
      } else if (span.end - 1 > span.start) {
        result.add(span.withRange(span.start, span.end - 1));
      }
    }
    return result;
  }
}
