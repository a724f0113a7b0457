package dev.vertigram.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A child JVM running {@link ChildMain} on the test classpath; its output lines are queued for the test. */
final class ChildJvm implements AutoCloseable {

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  ChildJvm(String mode, Path folder) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    process = new ProcessBuilder(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
      ChildMain.class.getName(), mode, folder.toString())).redirectErrorStream(true).start();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
        }
      } catch (IOException ignored) {
        // the child was killed: its output ends here
      }
      lines.add("EOF");
    }, "child-reader");
    reader.setDaemon(true);
    reader.start();
  }

  long pid() {
    return process.pid();
  }

  /** The next line starting with {@code prefix} (other lines are skipped), waiting up to 30 s. */
  String expect(String prefix) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    List<String> seen = new java.util.ArrayList<>();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null && line.startsWith(prefix)) {
        return line;
      }
      if ("EOF".equals(line)) {
        throw new AssertionError("child's output ended before it printed " + prefix + "; it printed " + seen);
      }
      if (line != null) {
        seen.add(line);
      }
    }
    throw new AssertionError("child did not print " + prefix + " in 30 s; it printed " + seen);
  }

  /** Every line printed so far. */
  List<String> drain() {
    List<String> out = new java.util.ArrayList<>();
    lines.drainTo(out);
    return out;
  }

  /** SIGKILL, and wait until the process is gone. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    kill9();
  }
}
