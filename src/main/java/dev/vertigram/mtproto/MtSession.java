package dev.vertigram.mtproto;

import dev.vertigram.crypto.AuthKey;
import dev.vertigram.tl.TlCodec;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One encrypted MTProto 2.0 session over one auth key: msg_ids, seqnos, salts, acks, containers, re-sends and the
 * recovery from every service notification. It is sans-IO and single-threaded: the owner feeds it decrypted-side
 * input ({@link #onFrame}) and gets encrypted payloads back through {@link SessionListener#write}. A session
 * outlives TCP connections: {@link #detach()} on disconnect, {@link #attach()} on the next connection re-sends every
 * unanswered call (keeping its msg_id, so the server does not run it twice).
 */
public final class MtSession {

  private static final Logger log = LoggerFactory.getLogger(MtSession.class);

  /** A call is given up after this many re-sends with a new msg_id. */
  static final int MAX_RESENDS = 10;

  /**
   * Tunables of a session.
   *
   * @param pingIntervalSeconds        period of ping_delay_disconnect (0 = no pings)
   * @param pingDisconnectDelaySeconds the disconnect_delay sent with each ping
   * @param ackDelayMillis             longest wait before pending acks go out on their own
   * @param initPrefix                 serialized {@code invokeWithLayer(initConnection(...))} without its query,
   *                                   put before the first API call of the session (null = none)
   */
  public record Settings(int pingIntervalSeconds, int pingDisconnectDelaySeconds, long ackDelayMillis,
      Buffer initPrefix) {

    /** Pings every 60 s with a 75 s disconnect delay, acks within 1 s. */
    public static Settings defaults(Buffer initPrefix) {
      return new Settings(60, 75, 1000, initPrefix);
    }
  }

  final AuthKey key;
  final TlCodec codec;
  final Settings settings;
  final Scheduler scheduler;
  final SessionListener listener;
  final SecureRandom random;
  final SaltList salts;
  final Map<Long, Query> pending = new HashMap<>();
  final Outbox outbox;
  final Inbound inbound;
  final ServiceQueries serviceQueries;

  long sessionId;
  MessageIdClock clock;
  boolean clockSynced;
  SeqNoCounter seqno = new SeqNoCounter();
  MsgIdWindow window = new MsgIdWindow(true);
  boolean needsInit;
  /** msg_id of the last call that carried initConnection. */
  long initMsgId;
  boolean attached;
  private final Map<String, Query> lastInQueue = new HashMap<>();
  private boolean closed;

  /**
   * @param clock       the message-id clock, already synchronized with the server when {@code clockSynced}
   * @param initialSalt the server salt to start with
   */
  public MtSession(AuthKey key, long initialSalt, MessageIdClock clock, boolean clockSynced, TlCodec codec,
      Settings settings, Scheduler scheduler, SessionListener listener, SecureRandom random) {
    this.key = key;
    this.codec = codec;
    this.settings = settings;
    this.scheduler = scheduler;
    this.listener = listener;
    this.random = random;
    this.clock = clock;
    this.clockSynced = clockSynced;
    this.salts = new SaltList(initialSalt, listener::onServerSalts);
    this.sessionId = random.nextLong();
    this.needsInit = settings.initPrefix() != null;
    this.outbox = new Outbox(this);
    this.inbound = new Inbound(this);
    this.serviceQueries = new ServiceQueries(this);
  }

  /**
   * Starts from salts saved earlier for this auth key ({@link SessionListener#onServerSalts}), so that the first
   * message after a restart is not refused with bad_server_salt. Call it before {@link #attach()}.
   */
  public void restoreSalts(Buffer saved) {
    salts.restore(saved);
  }

  /** Queues a query; everything queued in one tick goes out together. */
  public void send(Query query) {
    if (closed) {
      fail(query, new MtprotoException("session closed"));
      return;
    }
    if (query.queueId != null) {
      query.prev = lastInQueue.put(query.queueId, query);
    }
    outbox.enqueue(query);
  }

  /**
   * Withdraws a query: one that has not gone out is dropped from the queue, one that has is dropped on the server
   * with {@code rpc_drop_answer}. Its handler is not called.
   */
  public void cancel(Query query) {
    if (query.done) {
      return;
    }
    long msgId = query.msgId;
    complete(query);
    if (msgId != 0) {
      serviceQueries.dropAnswer(msgId);
    }
  }

  /** Handles one transport payload carrying an encrypted message of this session. */
  public void onFrame(Buffer frame) {
    inbound.onFrame(frame);
  }

  /** The connection is up: pending calls are re-sent and pings start. */
  public void attach() {
    attached = true;
    List<Query> unanswered = new ArrayList<>(pending.values());
    unanswered.sort(Comparator.comparingLong(q -> q.msgId));
    long now = clock.serverSeconds();
    for (int i = unanswered.size() - 1; i >= 0; i--) {
      Query q = unanswered.get(i);
      if (!q.resendable) {
        complete(q);
      } else if (MessageIdClock.secondsOf(q.msgId) < now - Outbox.KEEP_ID_MAX_AGE_SECONDS) {
        resendWithNewId(q);
      } else {
        outbox.requeueFirst(q);
      }
    }
    serviceQueries.start();
    outbox.scheduleFlush();
  }

  /** The connection is gone; the session keeps its state until the next {@link #attach()}. */
  public void detach() {
    attached = false;
    serviceQueries.stop();
  }

  /** Fails every call and stops the session for good. */
  public void close(Throwable cause) {
    if (closed) {
      return;
    }
    detach();
    closed = true;
    for (Query q : outbox.drain(pending.values())) {
      if (!q.done && q.handler != null) {
        fail(q, cause);
      }
    }
  }

  /** Asks for initConnection again before the next API call (after auth.bindTempAuthKey). */
  public void requireInit() {
    needsInit = settings.initPrefix() != null;
  }

  /** This session's id. */
  public long sessionId() {
    return sessionId;
  }

  /** Calls sent and not answered yet. */
  public int pendingCount() {
    return pending.size();
  }

  /** Incoming messages dropped by a failed check (replays, bad ids, wrong session). */
  public long droppedMessages() {
    return inbound.dropped;
  }

  // ---- used by Outbox and Inbound ----

  /** Marks a query finished (answered, failed or cancelled) and unlinks it. */
  void complete(Query q) {
    q.done = true;
    if (q.msgId != 0) {
      pending.remove(q.msgId);
    }
    if (q.queueId != null && lastInQueue.get(q.queueId) == q) {
      lastInQueue.remove(q.queueId);
    }
    q.prev = null;
  }

  /** The server never processed this query: send it again under a new msg_id. */
  void resendWithNewId(Query q) {
    if (q.done) {
      return;
    }
    if (q.msgId != 0) {
      pending.remove(q.msgId);
      q.msgId = 0;
    }
    if (++q.resends > MAX_RESENDS) {
      fail(q, new MtprotoException("gave up re-sending " + q.resultMethod + " after " + MAX_RESENDS + " attempts"));
      return;
    }
    outbox.requeue(q);
  }

  void succeed(Query q, JsonObject result) {
    complete(q);
    try {
      q.handler.onResult(result);
    } catch (RuntimeException e) {
      log.error("result handler of {} failed", q.resultMethod, e);
    }
  }

  void rpcError(Query q, int code, String message) {
    complete(q);
    try {
      q.handler.onRpcError(code, message);
    } catch (RuntimeException e) {
      log.error("error handler of {} failed", q.resultMethod, e);
    }
  }

  void fail(Query q, Throwable cause) {
    complete(q);
    if (q.handler == null) {
      return;
    }
    try {
      q.handler.onFailure(cause);
    } catch (RuntimeException e) {
      log.error("failure handler of {} failed", q.resultMethod, e);
    }
  }

  /** Starts over with a new session_id, seqno and msg_id sequence (seqno errors, clock moved back). */
  void restart(String reason) {
    log.debug("session {} restarts: {}", Long.toHexString(sessionId), reason);
    sessionId = random.nextLong();
    seqno = new SeqNoCounter();
    window = new MsgIdWindow(true);
    MessageIdClock fresh = new MessageIdClock();
    fresh.offsetMillis(clock.offsetMillis());
    clock = fresh;
    needsInit = settings.initPrefix() != null;
    resendAllWithNewIds();
  }

  /** Re-sends every unanswered query under a new msg_id, in their original order; pings are dropped. */
  void resendAllWithNewIds() {
    List<Query> unanswered = new ArrayList<>(pending.values());
    unanswered.sort((a, b) -> Long.compareUnsigned(a.msgId, b.msgId));
    for (Query q : unanswered) {
      if (q.resendable) {
        resendWithNewId(q);
      } else {
        complete(q);
      }
    }
  }

  /** Follows the server's clock (a server msg_id's time, bad_msg_notification 16/17, future_salts.now). */
  void syncClock(long serverSeconds) {
    clock.syncSeconds(serverSeconds);
    clockSynced = true;
    listener.onClockSynced(clock.offsetMillis());
  }
}
