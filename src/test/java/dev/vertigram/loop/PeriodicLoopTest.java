package dev.vertigram.loop;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class PeriodicLoopTest {

  private static final long HOUR = 3_600_000;

  @Test
  void runsEveryPeriodUntilTheCallbackSaysStop(Vertx vertx, VertxTestContext ctx) {
    Runs runs = new Runs();
    PeriodicLoop loop = new PeriodicLoop(vertx, "three", 2, l -> Future.succeededFuture(runs.increment() == 3));
    loop.start()
      .compose(v -> loop.whenStopped())
      .onComplete(ctx.succeeding(v -> ctx.verify(() -> {
        assertEquals(3, runs.count());
        assertFalse(loop.isRunning());
        ctx.completeNow();
      })));
  }

  @Test
  void aShorterPeriodTakesEffectWhileWaiting(Vertx vertx, VertxTestContext ctx) {
    Runs runs = new Runs();
    PeriodicLoop loop = new PeriodicLoop(vertx, "faster", HOUR, l -> {
      runs.increment();
      return Future.succeededFuture(false);
    });
    loop.start()
      .compose(v -> runs.reached(1))
      .compose(v -> loop.period(2))
      .compose(v -> {
        assertEquals(2, loop.period());
        return runs.reached(3);
      })
      .compose(v -> loop.stop())
      .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void signalRunsAtOnce(Vertx vertx, VertxTestContext ctx) {
    Runs runs = new Runs();
    PeriodicLoop loop = new PeriodicLoop(vertx, "hourly", HOUR, l -> {
      runs.increment();
      return Future.succeededFuture(false);
    });
    loop.start()
      .compose(v -> runs.reached(1))
      .compose(v -> loop.signal())
      .compose(signalled -> {
        assertTrue(signalled);
        return runs.reached(2);
      })
      .compose(v -> loop.stop())
      .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void failedRunsAreLoggedAndTheLoopGoesOn(Vertx vertx, VertxTestContext ctx) {
    Runs runs = new Runs();
    PeriodicLoop loop = new PeriodicLoop(vertx, "flaky", 1, l -> {
      int n = runs.increment();
      if (n < 3) {
        throw new IllegalStateException("run " + n + " fails (expected by the test)");
      }
      return Future.succeededFuture(n == 4);
    });
    loop.start()
      .compose(v -> loop.whenStopped())
      .onComplete(ctx.succeeding(v -> ctx.verify(() -> {
        assertEquals(4, runs.count());
        ctx.completeNow();
      })));
  }

  @Test
  void periodMustBePositive(Vertx vertx) {
    assertThrows(IllegalArgumentException.class, () -> new PeriodicLoop(vertx, "bad", 0, l -> null));
    PeriodicLoop loop = new PeriodicLoop(vertx, "ok", 1, l -> Future.succeededFuture(true));
    assertThrows(IllegalArgumentException.class, () -> loop.period(-5));
    assertEquals("ok", loop.name());
  }
}
