package dev.vertigram.loop;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.Objects;
import java.util.function.Function;

/**
 * A loop that runs a body returning its pause, as danog/loop's GenericLoop: {@link #PAUSE} (null) until signalled,
 * {@link #CONTINUE} (0) at once, a number of milliseconds, or {@link #STOP}.
 *
 * <pre>{@code
 * GenericLoop poller = new GenericLoop(vertx, "poller", loop ->
 *   fetchNext().map(found -> found ? GenericLoop.CONTINUE : 5_000L));
 * poller.start();
 * ...
 * poller.signal(); // new work: look now
 * }</pre>
 *
 * <p>By default a failed run is logged and stops the loop; see {@link #onFailure}.
 */
public final class GenericLoop extends Loop {

  private final Function<GenericLoop, Future<Long>> body;

  /**
   * @param vertx the loop runs on {@code vertx.getOrCreateContext()} as of now (the verticle's, inside one)
   * @param name  for logs
   * @param body  one run; its future's value is the pause that follows (a null future counts as a failure)
   */
  public GenericLoop(Vertx vertx, String name, Function<GenericLoop, Future<Long>> body) {
    super(vertx, name);
    this.body = Objects.requireNonNull(body, "body");
  }

  @Override
  protected Future<Long> runOnce() {
    return body.apply(this);
  }

  /** Stops the loop. */
  @Override
  protected Long defaultPauseAfterFailure(Throwable failure) {
    return STOP;
  }
}
