package dev.vertigram.loop;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class GenericLoopTest {

  /** A little wait, to check that nothing happens (never that something happens in time). */
  private static final long QUIET_MS = 50;

  @Test
  void continuesUntilTheBodyStops(Vertx vertx, VertxTestContext ctx) {
    Runs runs = new Runs();
    GenericLoop loop = new GenericLoop(vertx, "count",
      l -> Future.succeededFuture(runs.increment() < 5 ? GenericLoop.CONTINUE : GenericLoop.STOP));
    loop.start()
      .compose(started -> {
        assertTrue(started);
        return loop.whenStopped();
      })
      .onComplete(ctx.succeeding(v -> ctx.verify(() -> {
        assertEquals(5, runs.count());
        assertFalse(loop.isRunning());
        ctx.completeNow();
      })));
  }

  @Test
  void pauseWaitsUntilSignalled(Vertx vertx, VertxTestContext ctx) {
    Runs runs = new Runs();
    GenericLoop loop = new GenericLoop(vertx, "signalled", l -> {
      runs.increment();
      return Future.succeededFuture(GenericLoop.PAUSE);
    });
    loop.start()
      .compose(v -> runs.reached(1))
      .compose(v -> Async.sleep(vertx, QUIET_MS))
      .compose(v -> {
        assertEquals(1, runs.count(), "a paused loop waits for a signal");
        return loop.signal();
      })
      .compose(signalled -> {
        assertTrue(signalled);
        return runs.reached(2);
      })
      .compose(v -> loop.stop())
      .onComplete(ctx.succeeding(stopped -> ctx.verify(() -> {
        assertTrue(stopped);
        assertEquals(2, runs.count());
        ctx.completeNow();
      })));
  }

  @Test
  void timedPauseRunsAgainAndStopEndsIt(Vertx vertx, VertxTestContext ctx) {
    Runs runs = new Runs();
    GenericLoop loop = new GenericLoop(vertx, "timed", l -> {
      runs.increment();
      return Future.succeededFuture(2L);
    });
    AtomicReference<Integer> atStop = new AtomicReference<>();
    loop.start()
      .compose(v -> runs.reached(3))
      .compose(v -> loop.stop())
      .compose(stopped -> {
        assertTrue(stopped);
        atStop.set(runs.count());
        return Async.sleep(vertx, QUIET_MS);
      })
      .compose(v -> loop.stop())
      .onComplete(ctx.succeeding(stoppedAgain -> ctx.verify(() -> {
        assertFalse(stoppedAgain, "already stopped");
        assertEquals(atStop.get(), runs.count(), "no run after stop");
        ctx.completeNow();
      })));
  }

  @Test
  void aSignalDuringARunIsNotLost(Vertx vertx, VertxTestContext ctx) {
    Runs runs = new Runs();
    Promise<Long> firstRun = Promise.promise();
    GenericLoop loop = new GenericLoop(vertx, "busy",
      l -> runs.increment() == 1 ? firstRun.future() : Future.succeededFuture(GenericLoop.PAUSE));
    loop.start()
      .compose(v -> runs.reached(1))
      .compose(v -> loop.signal())
      .compose(signalled -> {
        assertTrue(signalled);
        firstRun.complete(GenericLoop.PAUSE);
        return runs.reached(2);
      })
      .compose(v -> Async.sleep(vertx, QUIET_MS))
      .onComplete(ctx.succeeding(v -> ctx.verify(() -> {
        assertEquals(2, runs.count(), "one signal, one more run");
        loop.stop();
        ctx.completeNow();
      })));
  }

  @Test
  void pauseAndResume(Vertx vertx, VertxTestContext ctx) {
    Runs runs = new Runs();
    GenericLoop loop = new GenericLoop(vertx, "pausable", l -> {
      runs.increment();
      return Future.succeededFuture(1L);
    });
    AtomicReference<Integer> atPause = new AtomicReference<>();
    loop.start()
      .compose(v -> runs.reached(2))
      .compose(v -> loop.pause())
      .compose(paused -> {
        assertTrue(paused);
        assertTrue(loop.isPaused());
        atPause.set(runs.count());
        return loop.pause();
      })
      .compose(pausedAgain -> {
        assertFalse(pausedAgain);
        return loop.signal();
      })
      .compose(signalled -> {
        assertFalse(signalled, "a paused loop ignores signals");
        return Async.sleep(vertx, QUIET_MS);
      })
      .compose(v -> {
        assertEquals(atPause.get(), runs.count(), "no run while paused");
        assertTrue(loop.isRunning());
        return loop.resume();
      })
      .compose(resumed -> {
        assertTrue(resumed);
        assertFalse(loop.isPaused());
        return runs.reached(atPause.get() + 2);
      })
      .compose(v -> loop.resume())
      .compose(resumedAgain -> {
        assertFalse(resumedAgain);
        return loop.stop();
      })
      .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void pauseDuringARunTakesEffectAfterIt(Vertx vertx, VertxTestContext ctx) {
    Runs runs = new Runs();
    Promise<Long> firstRun = Promise.promise();
    GenericLoop loop = new GenericLoop(vertx, "pause-later",
      l -> runs.increment() == 1 ? firstRun.future() : Future.succeededFuture(GenericLoop.CONTINUE));
    loop.start()
      .compose(v -> runs.reached(1))
      .compose(v -> loop.pause())
      .compose(paused -> {
        assertTrue(paused);
        firstRun.complete(GenericLoop.CONTINUE);
        return Async.sleep(vertx, QUIET_MS);
      })
      .compose(v -> {
        assertEquals(1, runs.count());
        assertTrue(loop.isPaused());
        return loop.stop();
      })
      .onComplete(ctx.succeeding(stopped -> ctx.verify(() -> {
        assertTrue(stopped);
        assertFalse(loop.isRunning());
        ctx.completeNow();
      })));
  }

  @Test
  void startTwiceAndRestart(Vertx vertx, VertxTestContext ctx) {
    Runs runs = new Runs();
    GenericLoop loop = new GenericLoop(vertx, "restart", l -> {
      runs.increment();
      return Future.succeededFuture(GenericLoop.PAUSE);
    });
    loop.start()
      .compose(first -> {
        assertTrue(first);
        return loop.start();
      })
      .compose(second -> {
        assertFalse(second, "already running");
        return runs.reached(1);
      })
      .compose(v -> loop.stop())
      .compose(v -> loop.start())
      .compose(restarted -> {
        assertTrue(restarted);
        return runs.reached(2);
      })
      .compose(v -> loop.stop())
      .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void failedRunsStopTheLoopByDefault(Vertx vertx, VertxTestContext ctx) {
    Runs runs = new Runs();
    GenericLoop loop = new GenericLoop(vertx, "failing", l -> {
      if (runs.increment() == 2) {
        throw new IllegalStateException("boom (expected by the test)");
      }
      return Future.succeededFuture(GenericLoop.CONTINUE);
    });
    loop.start()
      .compose(v -> loop.whenStopped())
      .onComplete(ctx.succeeding(v -> ctx.verify(() -> {
        assertEquals(2, runs.count());
        assertFalse(loop.isRunning());
        ctx.completeNow();
      })));
  }

  @Test
  void failurePolicyDecidesThePause(Vertx vertx, VertxTestContext ctx) {
    Runs runs = new Runs();
    List<String> failures = new ArrayList<>();
    GenericLoop loop = new GenericLoop(vertx, "retrying", l -> {
      int n = runs.increment();
      if (n == 6) {
        return Future.succeededFuture(GenericLoop.STOP);
      }
      return n % 2 == 0 ? null : Future.failedFuture("failure " + n + " (expected by the test)");
    });
    loop.onFailure(failure -> {
      failures.add(failure.getMessage());
      return GenericLoop.CONTINUE;
    });
    loop.start()
      .compose(v -> loop.whenStopped())
      .onComplete(ctx.succeeding(v -> ctx.verify(() -> {
        assertEquals(6, runs.count());
        assertEquals(5, failures.size(), "a null future is a failure too: " + failures);
        assertTrue(failures.get(0).startsWith("failure 1"));
        ctx.completeNow();
      })));
  }

  @Test
  void bodyAlwaysRunsOnTheOwningContext(Vertx vertx, VertxTestContext ctx) {
    Context context = vertx.getOrCreateContext();
    Runs runs = new Runs();
    List<Context> seen = new ArrayList<>();
    context.runOnContext(x -> {
      GenericLoop loop = new GenericLoop(vertx, "owned", l -> {
        seen.add(Vertx.currentContext());
        Long pause = runs.increment() < 2 ? GenericLoop.PAUSE : GenericLoop.STOP;
        Promise<Long> elsewhere = Promise.promise();
        // Completed on a foreign thread: the loop must come back to its context.
        new Thread(() -> elsewhere.complete(pause)).start();
        return elsewhere.future();
      });
      loop.start();
      runs.reached(1).onComplete(v -> new Thread(loop::signal).start());
      runs.reached(2).compose(v -> loop.whenStopped()).onComplete(ctx.succeeding(v -> ctx.verify(() -> {
        assertEquals(2, seen.size());
        seen.forEach(c -> assertSame(context, c));
        ctx.completeNow();
      })));
    });
  }
}
