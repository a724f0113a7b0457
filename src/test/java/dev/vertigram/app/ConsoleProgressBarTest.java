package dev.vertigram.app;

import dev.vertigram.files.Progress;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleProgressBarTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void aTerminalLineIsRedrawnInPlaceAndEndedOnce() {
    ConsoleProgressBar bar = new ConsoleProgressBar("down", out, true);
    bar.accept(new Progress(2_000_000, 8_000_000, 123_456_789));
    bar.accept(new Progress(8_000_000, 8_000_000, 150_000_000));
    bar.accept(new Progress(8_000_000, 8_000_000, 150_000_000));
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertEquals("\rdown [########----------------------]  25%   123.5 MB/s  2.0/8.0 MB"
        + "\rdown [##############################] 100%   150.0 MB/s  8.0/8.0 MB" + System.lineSeparator(), text);
  }

  @Test
  void withoutATerminalItPrintsPlainLinesAtMostEverySecondAndTheLast() {
    ConsoleProgressBar bar = new ConsoleProgressBar("up", out, false);
    for (int i = 1; i <= 10; i++) {
      bar.accept(new Progress(i * 100L, 1000, 1e6));
    }
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split(System.lineSeparator());
    assertEquals(2, lines.length, String.join("|", lines));
    assertTrue(lines[0].contains(" 10%") && !lines[0].contains("\r"), lines[0]);
    assertTrue(lines[1].contains("100%"), lines[1]);
  }
}
