package dev.vertigram.localdc.impl;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * invokeAfterMsg(s) of one session: a call waits until every named predecessor has been answered. It fails with
 * MSG_WAIT_FAILED when one of them failed, and with MSG_WAIT_TIMEOUT when one is still missing or running after
 * {@value #TIMEOUT_MS} ms. A predecessor that is not an RPC counts as done once received; one older than everything the
 * session remembers counts as done. Confined to the DC's event loop.
 */
final class AfterMsgWaiters {

  static final long TIMEOUT_MS = 500;

  private enum State { READY, PENDING, FAILED }

  private final class Waiter {
    final long[] ids;
    final Promise<Void> promise = Promise.promise();
    long timer;

    Waiter(long[] ids) {
      this.ids = ids;
    }
  }

  private final Vertx vertx;
  private final InboundLog inbound;
  private final List<Waiter> waiters = new ArrayList<>();

  AfterMsgWaiters(Vertx vertx, InboundLog inbound) {
    this.vertx = vertx;
    this.inbound = inbound;
  }

  /** Completes when the predecessors are done, fails with the RPC error to answer otherwise. */
  Future<Void> await(long[] ids) {
    State state = state(ids);
    if (state == State.READY) {
      return Future.succeededFuture();
    }
    if (state == State.FAILED) {
      return Future.failedFuture(new RpcErrorException(400, "MSG_WAIT_FAILED"));
    }
    Waiter w = new Waiter(ids);
    waiters.add(w);
    w.timer = vertx.setTimer(TIMEOUT_MS, t -> {
      if (waiters.remove(w)) {
        w.promise.fail(new RpcErrorException(400, "MSG_WAIT_TIMEOUT"));
      }
    });
    return w.promise.future();
  }

  /** An RPC of the session finished: releases the waiters it unblocks. */
  void rpcFinished() {
    if (waiters.isEmpty()) {
      return;
    }
    List<Runnable> released = new ArrayList<>();
    for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
      Waiter w = it.next();
      State state = state(w.ids);
      if (state != State.PENDING) {
        it.remove();
        vertx.cancelTimer(w.timer);
        released.add(state == State.READY ? () -> w.promise.complete()
            : () -> w.promise.fail(new RpcErrorException(400, "MSG_WAIT_FAILED")));
      }
    }
    released.forEach(Runnable::run); // after the loop: completing may finish more RPCs and re-enter
  }

  private State state(long[] ids) {
    State result = State.READY;
    for (long id : ids) {
      InMsg in = inbound.get(id);
      if (in == null) {
        if (!inbound.forgotten(id)) {
          result = State.PENDING;
        }
      } else if (in.rpc == InMsg.Rpc.FAILED) {
        return State.FAILED;
      } else if (in.rpc == InMsg.Rpc.RUNNING) {
        result = State.PENDING;
      }
    }
    return result;
  }
}
