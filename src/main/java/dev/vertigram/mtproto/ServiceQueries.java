package dev.vertigram.mtproto;

import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service queries a session sends by itself: {@code ping_delay_disconnect} every ping interval (a ping still
 * unanswered when the next one is due drops the connection), {@code get_future_salts} when the known salts run low,
 * and {@code rpc_drop_answer} for cancelled calls. Their answers need no action beyond a debug line.
 */
final class ServiceQueries {

  /** Part of the session: logs as it. */
  private static final Logger log = LoggerFactory.getLogger(MtSession.class);

  /** A handler that only logs what came back. */
  private record Logged(String what) implements QueryHandler {
    @Override
    public void onResult(JsonObject result) {
      log.debug("{}: {}", what, result.getString("_"));
    }

    @Override
    public void onRpcError(int code, String message) {
      log.debug("{} failed: {} {}", what, code, message);
    }

    @Override
    public void onFailure(Throwable cause) {
    }
  }

  private static final QueryHandler PING = new Logged("ping_delay_disconnect");
  private static final QueryHandler SALTS = new Logged("get_future_salts");

  private final MtSession s;
  private Query ping;
  private Query saltsRequest;
  private long pingTimer = -1;

  ServiceQueries(MtSession session) {
    this.s = session;
  }

  /** The connection is up: pings start (the first one now), salts are asked for when needed. */
  void start() {
    if (s.settings.pingIntervalSeconds() <= 0) {
      requestSaltsIfLow();
      return;
    }
    pingTick();
  }

  /** The connection is gone: no more pings until {@link #start()}. */
  void stop() {
    s.scheduler.cancel(pingTimer);
    pingTimer = -1;
    ping = null;
  }

  /** Asks for future salts when the known ones run out within the hour, unless a request is under way. */
  void requestSaltsIfLow() {
    long now = s.clock.serverSeconds();
    if ((saltsRequest == null || saltsRequest.done) && s.salts.runningLow(now)) {
      saltsRequest = Query.service(ServiceMessages.getFutureSalts(32), "get_future_salts", true, true, SALTS);
      s.outbox.enqueue(saltsRequest);
    }
  }

  /** Tells the server we no longer want the answer to {@code msgId}. */
  void dropAnswer(long msgId) {
    s.outbox.enqueue(Query.service(ServiceMessages.rpcDropAnswer(msgId), "rpc_drop_answer", true, false,
        new Logged("rpc_drop_answer for " + Long.toHexString(msgId))));
  }

  private void pingTick() {
    if (!s.attached) {
      return;
    }
    if (ping != null && !ping.done) {
      s.listener.onFatal(new MtprotoException("no pong within " + s.settings.pingIntervalSeconds() + " s"));
      return;
    }
    ping = Query.service(ServiceMessages.pingDelayDisconnect(s.random.nextLong(),
        s.settings.pingDisconnectDelaySeconds()), "ping_delay_disconnect", true, false, PING);
    s.outbox.enqueue(ping);
    requestSaltsIfLow();
    pingTimer = s.scheduler.setTimer(s.settings.pingIntervalSeconds() * 1000L, this::pingTick);
  }
}
