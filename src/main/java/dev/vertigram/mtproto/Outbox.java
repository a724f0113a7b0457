package dev.vertigram.mtproto;

import io.vertx.core.buffer.Buffer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The write loop of a session. Everything queued during one tick (calls, re-sends, service messages and pending
 * acks) is packed on the next tick into as few {@code msg_container}s as the limits allow: at most
 * {@value #MAX_MESSAGES} messages and about {@value #MAX_BYTES} bytes each; a larger call goes alone. Each call was
 * encoded once by its creator; the only per-call work here is the msg_id, the seqno and the optional wrappers
 * (invokeAfterMsg, the initConnection prefix). One encryption per packet.
 */
final class Outbox {

  static final int MAX_MESSAGES = 1020;
  static final int MAX_BYTES = 32 * 1024;
  /** Unanswered calls older than this get a new msg_id on re-send (tdlib: 150 s; the server refuses 300 s). */
  static final long KEEP_ID_MAX_AGE_SECONDS = 150;
  /** More pending acks than this are sent at once instead of waiting for a call to carry them. */
  static final int ACK_FLUSH_THRESHOLD = 16;
  private static final int SENT_LOG_SIZE = 1024;
  private static final long[] NO_ACKS = new long[0];

  private final MtSession s;
  private final ArrayDeque<Query> resends = new ArrayDeque<>();
  private final ArrayDeque<Query> fresh = new ArrayDeque<>();
  private final ArrayList<Query> batch = new ArrayList<>();
  private final ArrayList<MtMessage> messages = new ArrayList<>();
  /** Recently sent packets (container or lone message msg_id) and the acks each carried. */
  private final Map<Long, long[]> sentPackets = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, long[]> eldest) {
      return size() > SENT_LOG_SIZE;
    }
  };
  private long[] acks = new long[256];
  private int ackCount;
  private boolean flushScheduled;
  private long ackTimer = -1;

  Outbox(MtSession session) {
    this.s = session;
  }

  void enqueue(Query q) {
    q.queued = true;
    fresh.add(q);
    scheduleFlush();
  }

  /** Queues a query again, after the other re-sends (its msg_id is kept unless it was reset to 0). */
  void requeue(Query q) {
    if (!q.queued) {
      q.queued = true;
      resends.addLast(q);
    }
    scheduleFlush();
  }

  /** Queues a query again before everything else. */
  void requeueFirst(Query q) {
    if (!q.queued) {
      q.queued = true;
      resends.addFirst(q);
    }
  }

  /** Empties the outbox, returning every queued query together with the given ones. */
  Set<Query> drain(Collection<Query> alsoPending) {
    Set<Query> all = new LinkedHashSet<>(resends);
    all.addAll(fresh);
    all.addAll(alsoPending);
    resends.clear();
    fresh.clear();
    ackCount = 0;
    return all;
  }

  /** Acknowledges a content-related message from the server with the next packet. */
  void ack(long msgId) {
    if (ackCount == acks.length) {
      acks = Arrays.copyOf(acks, ackCount * 2);
    }
    acks[ackCount++] = msgId;
  }

  /** Called after each incoming frame: flushes acks now when many are pending, else within the ack delay. */
  void acksAdded() {
    if (ackCount > ACK_FLUSH_THRESHOLD) {
      scheduleFlush();
    } else if (ackCount > 0 && ackTimer < 0) {
      ackTimer = s.scheduler.setTimer(s.settings.ackDelayMillis(), () -> {
        ackTimer = -1;
        scheduleFlush();
      });
    }
  }

  /** The acks a recently sent packet carried, or null when no such packet was sent recently. */
  long[] sentPacket(long packetId) {
    return sentPackets.get(packetId);
  }

  void scheduleFlush() {
    if (!flushScheduled) {
      flushScheduled = true;
      s.scheduler.runSoon(this::flush);
    }
  }

  void flush() {
    flushScheduled = false;
    if (!s.attached) {
      return;
    }
    while (sendPacket()) {
      // one packet per round until nothing is left
    }
    if (ackCount == 0 && ackTimer >= 0) {
      s.scheduler.cancel(ackTimer);
      ackTimer = -1;
    }
  }

  private boolean sendPacket() {
    batch.clear();
    messages.clear();
    int ackIds = Math.min(ackCount, ServiceMessages.MAX_ACK_IDS);
    int count = ackIds > 0 ? 1 : 0;
    int bytes = ackIds > 0 ? MsgContainer.PER_MESSAGE_OVERHEAD + 12 + 8 * ackIds : 0;
    for (Query q; (q = peek()) != null; ) {
      int size = MsgContainer.PER_MESSAGE_OVERHEAD + wrappedSize(q);
      boolean alone = size > MAX_BYTES && count == 0;
      if (!alone && (count + 1 > MAX_MESSAGES || bytes + size > MAX_BYTES)) {
        break;
      }
      poll();
      if (q.apiCall && !q.withInit && s.needsInit) {
        q.withInit = true;
        s.needsInit = false;
      }
      batch.add(q);
      count++;
      bytes += size;
      if (alone) {
        break;
      }
    }
    if (count == 0) {
      return false;
    }
    long[] sentAcks = NO_ACKS;
    if (ackIds > 0) {
      sentAcks = Arrays.copyOf(acks, ackIds);
      System.arraycopy(acks, ackIds, acks, 0, ackCount - ackIds);
      ackCount -= ackIds;
      messages.add(new MtMessage(s.clock.next(0), s.seqno.next(false), ServiceMessages.msgsAck(sentAcks, 0, ackIds)));
    }
    for (Query q : batch) {
      Query after = liveBefore(q);
      if (q.msgId == 0) {
        q.msgId = s.clock.next(0);
        q.seqno = s.seqno.next(q.contentRelated);
        q.bodyAssigned();
      }
      if (q.withInit) {
        s.initMsgId = q.msgId;
      }
      if (q.tracked()) {
        s.pending.put(q.msgId, q);
      } else {
        q.done = true;
      }
      messages.add(new MtMessage(q.msgId, q.seqno, wrap(q, after)));
    }
    MtMessage packet = messages.size() == 1 ? messages.get(0)
        : new MtMessage(s.clock.next(0), s.seqno.next(false), MsgContainer.pack(messages));
    for (Query q : batch) {
      q.packetId = packet.msgId();
    }
    sentPackets.put(packet.msgId(), sentAcks);
    long salt = s.salts.current(s.clock.serverSeconds());
    s.listener.write(EncryptedMessage.encrypt(s.key, EncryptedMessage.CLIENT_TO_SERVER, salt, s.sessionId, packet,
        s.random));
    return true;
  }

  private Query peek() {
    while (true) {
      ArrayDeque<Query> queue = resends.isEmpty() ? fresh : resends;
      Query q = queue.peekFirst();
      if (q == null || !q.done) {
        return q;
      }
      queue.pollFirst().queued = false;
    }
  }

  private void poll() {
    (resends.isEmpty() ? fresh : resends).pollFirst().queued = false;
  }

  private int wrappedSize(Query q) {
    int size = q.body().length();
    if (q.withInit || (s.needsInit && q.apiCall)) {
      size += s.settings.initPrefix().length();
    }
    return liveBefore(q) != null ? size + 12 : size;
  }

  /** invokeAfterMsg(previous call of the queue) when there is one still running, outermost; initConnection inside. */
  private Buffer wrap(Query q, Query after) {
    boolean chained = after != null && after.msgId != 0;
    if (!q.withInit && !chained) {
      return q.body();
    }
    Buffer out = Buffer.buffer(q.body().length() + 12 + (q.withInit ? s.settings.initPrefix().length() : 0));
    if (chained) {
      out.appendIntLE(ServiceMessages.INVOKE_AFTER_MSG).appendLongLE(after.msgId);
    }
    if (q.withInit) {
      out.appendBuffer(s.settings.initPrefix());
    }
    return out.appendBuffer(q.body());
  }

  private static Query liveBefore(Query q) {
    Query p = q.prev;
    while (p != null && p.done) {
      p = p.prev;
    }
    return p;
  }
}
