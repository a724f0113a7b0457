package dev.vertigram.app;

import dev.vertigram.files.Progress;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A one-line progress bar for a transfer ({@code TransferOptions.progress}): label, bar, percent, MB/s and MB done.
 * On a terminal the line is redrawn in place (carriage return) and ended when the transfer is complete; otherwise
 * (output redirected) it prints a plain line at most every {@value #LINE_INTERVAL_MILLIS} ms and at the end.
 */
public final class ConsoleProgressBar implements Consumer<Progress> {

  private static final int WIDTH = 30;
  private static final long LINE_INTERVAL_MILLIS = 1000;

  private final String label;
  private final PrintStream out;
  private final boolean terminal;
  private long lastLine;
  private boolean ended;

  /** A bar printing to {@code out}; {@code terminal}: redraw in place, else periodic lines. */
  public ConsoleProgressBar(String label, PrintStream out, boolean terminal) {
    this.label = label;
    this.out = out;
    this.terminal = terminal;
  }

  /** A bar on standard output, redrawn in place when it is a terminal. */
  public static ConsoleProgressBar onStdout(String label) {
    return new ConsoleProgressBar(label, System.out, System.console() != null);
  }

  @Override
  public void accept(Progress p) {
    boolean complete = p.total() >= 0 && p.done() >= p.total();
    if (ended) {
      return;
    }
    if (terminal) {
      out.print("\r" + line(p) + (complete ? System.lineSeparator() : ""));
      out.flush();
    } else {
      long now = System.currentTimeMillis();
      if (!complete && now - lastLine < LINE_INTERVAL_MILLIS) {
        return;
      }
      lastLine = now;
      out.println(line(p));
    }
    ended = complete;
  }

  /** The text of the bar for {@code p}, e.g. {@code upload [#######-------]  50%  123.4 MB/s  4.2/8.4 MB}. */
  String line(Progress p) {
    double fraction = p.total() > 0 ? Math.min(1, (double) p.done() / p.total()) : p.total() == 0 ? 1 : 0;
    int filled = (int) Math.round(fraction * WIDTH);
    String total = p.total() >= 0 ? String.format(Locale.ROOT, "%.1f", p.total() / 1e6) : "?";
    return String.format(Locale.ROOT, "%s [%s%s] %3d%% %7.1f MB/s  %.1f/%s MB", label, "#".repeat(filled),
        "-".repeat(WIDTH - filled), Math.round(fraction * 100), p.bytesPerSecond() / 1e6, p.done() / 1e6, total);
  }
}
