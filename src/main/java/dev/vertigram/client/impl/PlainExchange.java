package dev.vertigram.client.impl;

import dev.vertigram.mtproto.MessageIdClock;
import dev.vertigram.mtproto.MtMessage;
import dev.vertigram.mtproto.MtprotoException;
import dev.vertigram.mtproto.PlainChannel;
import dev.vertigram.mtproto.PlainMessage;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/**
 * The unencrypted side of a connection, for the auth key exchange: one request at a time, answered by the next
 * unencrypted frame, within a time limit. Unencrypted frames nobody waits for are ignored.
 */
final class PlainExchange implements PlainChannel {

  private static final Logger log = LoggerFactory.getLogger(PlainExchange.class);

  private final Vertx vertx;
  private final MessageIdClock clock;
  private final Consumer<Buffer> out;
  private final long timeoutMillis;
  private Promise<Buffer> waiting;
  private long timer = -1;

  PlainExchange(Vertx vertx, MessageIdClock clock, Consumer<Buffer> out, long timeoutMillis) {
    this.vertx = vertx;
    this.clock = clock;
    this.out = out;
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public Future<Buffer> exchange(Buffer requestBody) {
    if (waiting != null) {
      return Future.failedFuture(new IllegalStateException("an unencrypted exchange is already running"));
    }
    Promise<Buffer> promise = Promise.promise();
    waiting = promise;
    timer = vertx.setTimer(timeoutMillis, id -> fail(new MtprotoException(
        "no answer to the key exchange within " + timeoutMillis + " ms")));
    out.accept(PlainMessage.encode(clock.next(0), requestBody));
    return promise.future();
  }

  /** An unencrypted frame arrived. */
  void onFrame(Buffer frame) {
    if (waiting == null) {
      log.debug("ignored an unencrypted message nobody waits for");
      return;
    }
    MtMessage message;
    try {
      message = PlainMessage.decode(frame);
    } catch (MtprotoException e) {
      fail(e);
      return;
    }
    Promise<Buffer> promise = waiting;
    waiting = null;
    vertx.cancelTimer(timer);
    promise.complete(message.body());
  }

  /** Fails the running exchange, if any (connection lost). */
  void fail(Throwable cause) {
    Promise<Buffer> promise = waiting;
    waiting = null;
    vertx.cancelTimer(timer);
    if (promise != null) {
      promise.tryFail(cause);
    }
  }
}
