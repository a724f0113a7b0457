package dev.vertigram.ipc;

import dev.vertigram.ipc.impl.EndpointFile;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Connects to a session's owner, starting a background worker JVM when no process serves the session: the worker
 * runs detached, logs into {@code worker.log} in the session folder, takes the session's lock and serves it. The
 * launcher polls until it serves ({@link IpcOptions#startTimeoutMillis()}); a worker that exits or never serves fails
 * the connection with the tail of its log.
 */
public final class IpcLauncher {

  /** The worker's log in the session folder. */
  public static final String WORKER_LOG = "worker.log";
  private static final long POLL_MS = 100;
  private static final int TAIL_LINES = 30;

  private IpcLauncher() {
  }

  /** A command running {@code mainClass} with {@code args} on this JVM's java and classpath. */
  public static List<String> javaCommand(String mainClass, String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(List.of(args));
    return command;
  }

  /**
   * A forwarder to the owner of the session in {@code folder}, retrying for {@link IpcOptions#startTimeoutMillis()}
   * (an owner that just took the lock may not serve yet).
   */
  public static Future<IpcClient> connect(Vertx vertx, Path folder, IpcOptions options) {
    long deadline = System.nanoTime() + options.startTimeoutMillis() * 1_000_000;
    return poll(vertx, folder, options, null, null, deadline);
  }

  /** A forwarder to the owner of the session in {@code folder}, starting {@code workerCommand} when none serves. */
  public static Future<IpcClient> connectOrStart(Vertx vertx, Path folder, List<String> workerCommand,
                                                 IpcOptions options) {
    return IpcClient.connect(vertx, folder, options).recover(none -> {
      long deadline = System.nanoTime() + options.startTimeoutMillis() * 1_000_000;
      return startWorker(vertx, folder, workerCommand)
          .compose(worker -> poll(vertx, folder, options, worker, folder.resolve(WORKER_LOG), deadline));
    });
  }

  /** Starts {@code workerCommand} detached, its output appended to {@code worker.log} (0600) in {@code folder}. */
  public static Future<Process> startWorker(Vertx vertx, Path folder, List<String> workerCommand) {
    Path log = folder.resolve(WORKER_LOG);
    return vertx.executeBlocking(() -> {
      EndpointFile.createPrivate(log);
      return new ProcessBuilder(workerCommand).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    });
  }

  /** Polls until the owner serves; {@code worker} (null when none was started) failing ends it early. */
  private static Future<IpcClient> poll(Vertx vertx, Path folder, IpcOptions options, Process worker, Path log,
                                        long deadline) {
    return IpcClient.connect(vertx, folder, options).recover(e -> {
      if (worker == null && System.nanoTime() > deadline) {
        return Future.failedFuture(new VertxException("no process serves the session in " + folder + " within "
            + options.startTimeoutMillis() + " ms (its owner may have IPC disabled): " + e.getMessage(), e, true));
      }
      if (worker != null && !worker.isAlive()) {
        return failWithTail(vertx, log, "the IPC worker exited with status " + worker.exitValue());
      }
      if (System.nanoTime() > deadline) {
        return failWithTail(vertx, log, "the IPC worker did not serve within " + options.startTimeoutMillis() + " ms");
      }
      Promise<IpcClient> next = Promise.promise();
      vertx.setTimer(POLL_MS, t -> poll(vertx, folder, options, worker, log, deadline).onComplete(next));
      return next.future();
    });
  }

  private static Future<IpcClient> failWithTail(Vertx vertx, Path log, String why) {
    return vertx.executeBlocking(() -> {
      String[] lines = Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\n")
          : new String[0];
      return String.join("\n", Arrays.copyOfRange(lines, Math.max(0, lines.length - TAIL_LINES), lines.length));
    }).compose(tail -> Future.failedFuture(new VertxException(why + "; the end of " + log + ":\n" + tail, true)));
  }
}
