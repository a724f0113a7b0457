package dev.vertigram.client.impl;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands calls to a connection's context so that those made in one event-loop tick arrive together (and so leave in
 * one container). On the connection's own context a call goes straight in; from another event loop, calls are
 * collected until the end of the caller's tick and moved over in one task; from other threads they go through a
 * lock-free queue drained by one task at a time.
 */
final class CallInbox {

  private final Connection connection;
  private final ConcurrentLinkedQueue<RpcCall> foreign = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();

  CallInbox(Connection connection) {
    this.connection = connection;
  }

  void submit(RpcCall call) {
    Context caller = Vertx.currentContext();
    if (caller == connection.context) {
      connection.enqueue(call);
    } else if (caller != null && caller.isEventLoopContext()) {
      List<RpcCall> batch = caller.get(this);
      if (batch == null) {
        List<RpcCall> fresh = new ArrayList<>();
        caller.put(this, fresh);
        caller.runOnContext(v -> {
          caller.remove(this);
          connection.context.runOnContext(x -> fresh.forEach(connection::enqueue));
        });
        batch = fresh;
      }
      batch.add(call);
    } else {
      foreign.add(call);
      if (drainScheduled.compareAndSet(false, true)) {
        connection.context.runOnContext(v -> {
          drainScheduled.set(false);
          for (RpcCall c; (c = foreign.poll()) != null; ) {
            connection.enqueue(c);
          }
        });
      }
    }
  }
}
