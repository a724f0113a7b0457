package dev.vertigram.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Writes text with its entities as nested markup: the part shared by the HTML and the MarkdownV2 formatters.
 *
 * <p>Markup must nest, entities need not: when an entity ends while entities opened after it are still going on,
 * those are closed with it and opened again right after (so one entity may become two pieces of markup; parsing the
 * result gives the same formatting). Entities starting at the same place open longest first, then by
 * {@link EntityKind#depth}.
 */
abstract class EntityRenderer {

  protected final String text;
  protected final StringBuilder out = new StringBuilder();
  private final List<Span> open = new ArrayList<>();

  protected EntityRenderer(String text) {
    this.text = text;
  }

  /** The formatted text. */
  final String render(List<Span> spans) {
    List<Span> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparingInt((Span s) -> s.start).thenComparing(EntityKind.NESTING));
    TreeSet<Integer> points = new TreeSet<>();
    points.add(0);
    points.add(text.length());
    for (Span span : sorted) {
      points.add(span.start);
      points.add(span.end);
    }
    addBoundaries(points);
    int next = 0;
    int from = 0;
    for (int point : points) {
      text(from, point);
      from = point;
      List<Span> reopen = closeAt(point);
      boundary(point);
      while (next < sorted.size() && sorted.get(next).start == point) {
        reopen.add(sorted.get(next++));
      }
      reopen.sort(EntityKind.NESTING);
      for (Span span : reopen) {
        open(span);
        open.add(span);
      }
    }
    return out.toString();
  }

  /** Closes the entities ending at {@code point} and those above them; returns the latter, to be opened again. */
  private List<Span> closeAt(int point) {
    int cut = open.size();
    for (int i = 0; i < open.size(); i++) {
      if (open.get(i).end == point) {
        cut = i;
        break;
      }
    }
    List<Span> reopen = new ArrayList<>();
    while (open.size() > cut) {
      Span span = top();
      close(span);
      open.remove(open.size() - 1);
      if (span.end > point) {
        reopen.add(span.withRange(point, span.end));
      }
    }
    return reopen;
  }

  /** The innermost open entity (while {@link #close} runs: the one being closed), or null. */
  protected final Span top() {
    return open.isEmpty() ? null : open.get(open.size() - 1);
  }

  /** Writes {@code text[from, to)}, escaped. */
  protected abstract void text(int from, int to);

  /** Writes the markup opening {@code span}. */
  protected abstract void open(Span span);

  /** Writes the markup closing {@code span}. */
  protected abstract void close(Span span);

  /** More positions where {@link #boundary} must be called. */
  protected void addBoundaries(TreeSet<Integer> points) {
  }

  /** Called at each position, after the entities ending there are closed and before the others are opened. */
  protected void boundary(int point) {
  }
}
