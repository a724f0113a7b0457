package dev.vertigram.loop;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sleep, echo and readLine; standard input and output are replaced for each test. */
@ExtendWith(VertxExtension.class)
class AsyncTest {

  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private InputStream originalIn;

  @BeforeEach
  void replaceConsole() {
    originalOut = System.out;
    originalIn = System.in;
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreConsole() {
    System.setOut(originalOut);
    System.setIn(originalIn);
  }

  private String stdout() {
    return stdout.toString(StandardCharsets.UTF_8);
  }

  private static void stdin(String text) {
    System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void sleepCompletes(Vertx vertx, VertxTestContext ctx) {
    Async.sleep(vertx, 0)
      .compose(v -> Async.sleep(vertx, -1))
      .compose(v -> Async.sleep(vertx, 5))
      .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void echoWritesInCallOrderAndCompletesOnTheCallersContext(Vertx vertx, VertxTestContext ctx) {
    Context context = vertx.getOrCreateContext();
    context.runOnContext(x -> {
      Future<Void> last = null;
      for (String s : List.of("a", "b", "c\n", "👍")) {
        last = Async.echo(s);
      }
      last.onComplete(ctx.succeeding(v -> ctx.verify(() -> {
        assertSame(context, Vertx.currentContext());
        assertEquals("abc\n👍", stdout());
        ctx.completeNow();
      })));
    });
  }

  @Test
  void readLineReadsSuccessiveLinesThenFailsAtTheEnd(Vertx vertx, VertxTestContext ctx) {
    stdin("alice\r\nbob\nlast line without newline");
    Future<String> first = Async.readLine(vertx, "name? ");
    Future<String> second = Async.readLine(vertx, "again? ");
    Future.all(first, second)
      .compose(v -> {
        assertEquals("alice", first.result());
        assertEquals("bob", second.result());
        return Async.readLine(vertx, "");
      })
      .compose(third -> {
        assertEquals("last line without newline", third);
        return Async.readLine(vertx, "more? ");
      })
      .onComplete(ctx.failing(e -> ctx.verify(() -> {
        assertInstanceOf(EOFException.class, e);
        assertTrue(e.getMessage().contains("end of standard input"), e.getMessage());
        assertEquals("name? again? more? ", stdout());
        ctx.completeNow();
      })));
  }

  @Test
  void readLineFromAnEventLoopBlocksNothing(Vertx vertx, VertxTestContext ctx) {
    Promise<Void> input = Promise.promise();
    PipedInput pipe = new PipedInput();
    System.setIn(pipe.in);
    Context context = vertx.getOrCreateContext();
    context.runOnContext(x -> {
      Async.readLine(vertx, "> ").onComplete(ctx.succeeding(line -> ctx.verify(() -> {
        assertEquals("typed later", line);
        assertSame(context, Vertx.currentContext());
        ctx.completeNow();
      })));
      // The event loop is free while the console thread waits for input.
      vertx.setTimer(1, id -> input.complete());
    });
    input.future().onComplete(v -> pipe.type("typed later\n"));
  }
}
