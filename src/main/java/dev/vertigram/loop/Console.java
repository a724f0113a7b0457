package dev.vertigram.loop;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The process's console, off the event loop: one daemon thread writes standard output (in call order), another reads
 * standard input (one line at a time, in call order). A blocked read never holds up a write, nor a Vert.x worker.
 */
final class Console {

  private static final ExecutorService OUT = Executors.newSingleThreadExecutor(r -> daemon(r, "vertigram-stdout"));
  private static final ExecutorService IN = Executors.newSingleThreadExecutor(r -> daemon(r, "vertigram-stdin"));

  private static InputStream readerSource;
  private static BufferedReader reader;

  private Console() {
  }

  /**
   * Writes {@code text} to {@code System.out} (as it is when the write happens) and flushes; completes on
   * {@code context} (may be null).
   */
  static Future<Void> write(Context context, String text) {
    return submit(context, OUT, () -> {
      PrintStream out = System.out;
      out.print(text);
      out.flush();
      return null;
    });
  }

  /**
   * Reads a line from {@code System.in}; at the end of input, fails with an {@link EOFException}. Completes on
   * {@code context} (may be null).
   */
  static Future<String> readLine(Context context) {
    return submit(context, IN, () -> {
      String line = reader().readLine();
      if (line == null) {
        throw new EOFException("end of standard input: no line to read");
      }
      return line;
    });
  }

  /** A reader over the current {@code System.in}, kept while {@code System.in} stays the same stream. */
  private static BufferedReader reader() {
    InputStream in = System.in;
    if (in != readerSource) {
      readerSource = in;
      reader = new BufferedReader(new InputStreamReader(in));
    }
    return reader;
  }

  /** Runs {@code task} on {@code executor}; the future completes on {@code context}, or on that thread if null. */
  private static <T> Future<T> submit(Context context, ExecutorService executor, Callable<T> task) {
    Promise<T> promise = Promise.promise();
    executor.execute(() -> {
      T result = null;
      Throwable failure = null;
      try {
        result = task.call();
      } catch (Exception e) {
        failure = e;
      }
      T value = result;
      Throwable cause = failure;
      Runnable complete = () -> {
        if (cause == null) {
          promise.complete(value);
        } else {
          promise.fail(cause);
        }
      };
      if (context == null) {
        complete.run();
      } else {
        context.runOnContext(v -> complete.run());
      }
    });
    return promise.future();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread thread = new Thread(r, name);
    thread.setDaemon(true);
    return thread;
  }
}
