package dev.vertigram.client.impl;

import dev.vertigram.client.CallOptions;
import dev.vertigram.client.CancellationToken;
import dev.vertigram.client.RpcException;
import dev.vertigram.mtproto.MtSession;
import dev.vertigram.mtproto.Query;
import dev.vertigram.mtproto.QueryHandler;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One API call through all its attempts: encoded once, then sent as a new {@link Query} per attempt (after a flood
 * wait, a server error, a DC migration or a session change). Its state is touched on the context of the connection
 * it is on; cancellation and the deadline hop there.
 */
final class RpcCall implements QueryHandler {

  final Router router;
  final String name;
  final String resultMethod;
  final CallOptions options;
  /** Export/import of the authorization: not itself routed through the import. */
  final boolean internal;
  private final Buffer body;
  private final Promise<JsonObject> promise;
  /** Target DC; 0 = the home DC. */
  int dcId;
  volatile Connection connection;
  Query query;
  int serverErrors;
  int migrations;
  private long retryTimer = -1;
  private long deadlineTimer = -1;
  private Runnable cancelAction;
  private boolean finished;
  /** The running-calls counter of the media connection it was routed to (released when it finishes or moves). */
  private final AtomicReference<AtomicInteger> load = new AtomicReference<>();

  RpcCall(Router router, String name, String resultMethod, Buffer body, CallOptions options,
      Promise<JsonObject> promise, boolean internal) {
    this.router = router;
    this.name = name;
    this.resultMethod = resultMethod;
    this.body = body;
    this.options = options;
    this.promise = promise;
    this.internal = internal;
    this.dcId = options.dcId();
  }

  /** Arms cancellation and the deadline, then routes the call. */
  Future<JsonObject> start(long timeoutMillis) {
    CancellationToken token = options.cancellation();
    if (token != null) {
      cancelAction = () -> interrupt(new CancellationException("call " + name + " cancelled"));
      token.onCancel(cancelAction);
    }
    if (timeoutMillis > 0) {
      deadlineTimer = router.core.vertx.setTimer(timeoutMillis,
          id -> interrupt(new TimeoutException(name + " timed out after " + timeoutMillis + " ms")));
    }
    router.dispatch(this);
    return promise.future();
  }

  /** Sends one attempt on the session (on its connection's context). */
  void sendOn(MtSession session) {
    if (!finished()) {
      query = Query.call(body, resultMethod, options.queueId(), this);
      session.send(query);
    }
  }

  /** Sends again on the same connection after a delay. */
  void retryAfter(long millis) {
    Connection c = connection;
    retryTimer = router.core.vertx.setTimer(Math.max(1, millis), id -> c.context.runOnContext(v -> {
      retryTimer = -1;
      c.enqueue(this);
    }));
  }

  @Override
  public void onResult(JsonObject result) {
    router.resultSeen(this, result);
    complete(result);
  }

  @Override
  public void onRpcError(int code, String message) {
    router.onRpcError(this, new RpcException(code, message, name));
  }

  @Override
  public void onFailure(Throwable cause) {
    Connection c = connection;
    if (cause instanceof SessionReplacedException && c != null) {
      c.enqueue(this); // the key changed under it: run it in the new session
    } else {
      fail(cause);
    }
  }

  /** Counts the call on {@code counter} (null: none) instead of where it was counted before. */
  void load(AtomicInteger counter) {
    if (counter != null) {
      counter.incrementAndGet();
    }
    AtomicInteger old = load.getAndSet(counter);
    if (old != null) {
      old.decrementAndGet();
    }
    if (finished() && counter != null && load.compareAndSet(counter, null)) {
      counter.decrementAndGet(); // finished meanwhile
    }
  }

  synchronized boolean finished() {
    return finished;
  }

  void complete(JsonObject result) {
    if (finish()) {
      promise.tryComplete(result);
    }
  }

  void fail(Throwable cause) {
    if (finish()) {
      promise.tryFail(cause);
    }
  }

  /** Stops the call wherever it is, from any thread: withdrawn from its connection (rpc_drop_answer once sent). */
  private void interrupt(Throwable reason) {
    Connection c = connection;
    if (c == null) {
      fail(reason); // not routed yet: the connection will skip it
      return;
    }
    c.context.runOnContext(v -> {
      if (finished()) {
        return;
      }
      if (connection != c) {
        interrupt(reason); // it moved to another DC meanwhile
        return;
      }
      c.withdraw(this);
      fail(reason);
    });
  }

  private boolean finish() {
    synchronized (this) {
      if (finished) {
        return false;
      }
      finished = true;
    }
    AtomicInteger counted = load.getAndSet(null);
    if (counted != null) {
      counted.decrementAndGet();
    }
    if (retryTimer >= 0) {
      router.core.vertx.cancelTimer(retryTimer);
    }
    if (deadlineTimer >= 0) {
      router.core.vertx.cancelTimer(deadlineTimer);
    }
    if (cancelAction != null) {
      options.cancellation().remove(cancelAction);
    }
    return true;
  }
}
