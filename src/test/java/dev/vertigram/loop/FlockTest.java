package dev.vertigram.loop;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static dev.vertigram.loop.LockMode.EXCLUSIVE;
import static dev.vertigram.loop.LockMode.SHARED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class FlockTest {

  private static final long POLL_MS = 2;
  /** Long enough for a waiting request to poll many times; the assertions never depend on it. */
  private static final long HOLD_MS = 60;

  @TempDir
  Path dir;

  @Test
  void exclusiveExcludesExclusiveUntilReleased(Vertx vertx, VertxTestContext ctx) {
    Path file = dir.resolve("session.lock");
    AtomicBoolean firstReleased = new AtomicBoolean();
    AtomicReference<Future<FileLockHandle>> second = new AtomicReference<>();
    Async.flock(vertx, file, EXCLUSIVE, POLL_MS)
      .compose(first -> {
        assertTrue(Files.exists(file), "the lock file is created");
        assertEquals(file.toAbsolutePath().normalize(), first.path());
        second.set(Async.flock(vertx, file, EXCLUSIVE, POLL_MS).map(h -> {
          assertTrue(firstReleased.get(), "the second exclusive lock came before the first was released");
          return h;
        }));
        return Async.sleep(vertx, HOLD_MS).compose(v -> {
          assertFalse(second.get().isComplete());
          firstReleased.set(true);
          return first.release();
        });
      })
      .compose(v -> second.get())
      .compose(FileLockHandle::release)
      .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void sharedLocksGoTogether(Vertx vertx, VertxTestContext ctx) {
    Path file = dir.resolve("shared.lock");
    Future<FileLockHandle> a = Async.flock(vertx, file, SHARED, POLL_MS, 5_000, null);
    Future<FileLockHandle> b = Async.flock(vertx, file, SHARED, POLL_MS, 5_000, null);
    Future.all(a, b)
      .compose(v -> Future.all(a.result().release(), b.result().release()))
      .compose(v -> Async.flock(vertx, file, EXCLUSIVE, POLL_MS, 5_000, null))
      .compose(FileLockHandle::release)
      .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void sharedAndExclusiveExcludeEachOther(Vertx vertx, VertxTestContext ctx) {
    Path file = dir.resolve("mixed.lock");
    Async.flock(vertx, file, SHARED, POLL_MS)
      .compose(shared -> Async.flock(vertx, file, EXCLUSIVE, POLL_MS, HOLD_MS, null)
        .transform(done -> {
          assertInstanceOf(TimeoutException.class, done.cause(), "an exclusive lock while a shared one is held");
          return shared.release();
        }))
      .compose(v -> Async.flock(vertx, file, EXCLUSIVE, POLL_MS))
      .compose(exclusive -> Async.flock(vertx, file, SHARED, POLL_MS, HOLD_MS, null)
        .transform(done -> {
          assertInstanceOf(TimeoutException.class, done.cause(), "a shared lock while an exclusive one is held");
          assertTrue(done.cause().getMessage().contains("mixed.lock"), done.cause().getMessage());
          return exclusive.release();
        }))
      .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void aWaitingRequestCanBeCancelled(Vertx vertx, VertxTestContext ctx) {
    Path file = dir.resolve("cancel.lock");
    Promise<Void> cancel = Promise.promise();
    Async.flock(vertx, file, EXCLUSIVE, POLL_MS)
      .compose(held -> {
        Future<FileLockHandle> waiting = Async.flock(vertx, file, EXCLUSIVE, POLL_MS, -1, cancel.future());
        return Async.sleep(vertx, HOLD_MS)
          .compose(v -> {
            cancel.complete();
            return waiting.transform(done -> {
              assertInstanceOf(CancellationException.class, done.cause());
              return held.release();
            });
          });
      })
      .compose(v -> Async.flock(vertx, file, EXCLUSIVE, POLL_MS, 5_000, null))
      .onComplete(ctx.succeeding(handle -> ctx.verify(() -> {
        assertFalse(handle.isReleased());
        handle.release().compose(v -> handle.release()).onComplete(ctx.succeeding(v -> ctx.verify(() -> {
          assertTrue(handle.isReleased());
          ctx.completeNow();
        })));
      })));
  }

  @Test
  void anotherProcessCannotTakeTheLock(Vertx vertx, VertxTestContext ctx) throws Exception {
    Path file = dir.resolve("process.lock");
    Path probe = dir.resolve("Probe.java");
    Files.writeString(probe, String.join("\n",
      "import java.nio.channels.FileChannel;",
      "import java.nio.file.*;",
      "public class Probe {",
      "  public static void main(String[] args) throws Exception {",
      "    try (FileChannel c = FileChannel.open(Path.of(args[0]), StandardOpenOption.READ, StandardOpenOption.WRITE)) {",
      "      System.out.print(c.tryLock(0, Long.MAX_VALUE, true) == null ? \"busy\" : \"locked\");",
      "    }",
      "  }",
      "}"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Async.flock(vertx, file, EXCLUSIVE, POLL_MS)
      .compose(held -> vertx.executeBlocking(() -> {
        Process process = new ProcessBuilder(java, probe.toString(), file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).trim();
        process.waitFor();
        return output;
      }).compose(output -> {
        assertEquals("busy", output, "another process took a shared lock on an exclusively locked file");
        return held.release();
      }))
      .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void ioErrorsFailTheRequest(Vertx vertx, VertxTestContext ctx) {
    Async.flock(vertx, dir.resolve("no/such/dir/x.lock"), EXCLUSIVE, POLL_MS)
      .onComplete(ctx.failing(e -> ctx.verify(() -> {
        assertInstanceOf(NoSuchFileException.class, e);
        ctx.completeNow();
      })));
  }
}
