package dev.vertigram.localdc.impl;

import dev.vertigram.mtproto.MsgIdWindow;
import dev.vertigram.mtproto.MtMessage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The messages a session received: msg_id checks (through {@link MsgIdWindow}), the seqno order rule, and the state of
 * each recent message for msgs_state_req, duplicates and invokeAfterMsg. Confined to the DC's event loop.
 */
final class InboundLog {

  /** Messages remembered with their state (more than the msg_id window, so answers outlive it a little). */
  static final int REMEMBERED = 4 * MsgIdWindow.REMEMBERED;

  private final MsgIdWindow window = new MsgIdWindow(false);
  /** msg_id → seqno of the last accepted messages, for the rule "msg_id1 < msg_id2 implies seqno1 <= seqno2". */
  private final TreeMap<Long, Integer> order = new TreeMap<>();
  private final Map<Long, InMsg> recent = new LinkedHashMap<>(64, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, InMsg> eldest) {
      return size() > REMEMBERED;
    }
  };
  private long maxReceived;

  /** The msg_id verdict, without remembering the id. */
  MsgIdWindow.Verdict check(long msgId, long nowSeconds) {
    return window.peek(msgId, nowSeconds, true);
  }

  /**
   * The seqno error for a message that is about to be accepted: 32 when an earlier msg_id has a higher seqno (or the
   * same odd one), 33 when a later msg_id has a lower seqno (or the same odd one), 0 when the order holds.
   */
  int seqnoError(long msgId, int seqno) {
    Map.Entry<Long, Integer> before = order.lowerEntry(msgId);
    if (before != null && conflicts(before.getValue(), seqno)) {
      return 32;
    }
    Map.Entry<Long, Integer> after = order.higherEntry(msgId);
    if (after != null && conflicts(seqno, after.getValue())) {
      return 33;
    }
    return 0;
  }

  private static boolean conflicts(int earlierSeqno, int laterSeqno) {
    return earlierSeqno > laterSeqno || (earlierSeqno == laterSeqno && (laterSeqno & 1) == 1);
  }

  /** Remembers an accepted message, or a container (whose seqno takes part in the order but has no state). */
  InMsg accept(MtMessage m, boolean container) {
    window.accept(m.msgId());
    order.put(m.msgId(), m.seqno());
    if (order.size() > MsgIdWindow.REMEMBERED) {
      order.pollFirstEntry();
    }
    maxReceived = Math.max(maxReceived, m.msgId());
    if (container) {
      return null;
    }
    InMsg in = new InMsg(m.msgId(), m.contentRelated());
    recent.put(m.msgId(), in);
    return in;
  }

  InMsg get(long msgId) {
    return recent.get(msgId);
  }

  /** True for an id older than everything remembered: what happened to it is no longer known. */
  boolean forgotten(long msgId) {
    return !order.isEmpty() && msgId < order.firstKey() && recent.size() >= REMEMBERED;
  }

  /** The msgs_state_info status byte of a client msg_id (core.telegram.org/mtproto/service_messages_about_messages). */
  byte status(long msgId) {
    InMsg in = recent.get(msgId);
    if (in == null) {
      if (order.containsKey(msgId)) {
        return 4 | 16; // a container: received, needs no ack
      }
      if (order.isEmpty() || msgId > maxReceived) {
        return 3;
      }
      return (byte) (msgId < order.firstKey() ? 1 : 2);
    }
    int status = 4;
    if (in.acked) {
      status |= 8;
    }
    if (!in.contentRelated) {
      status |= 16;
    }
    if (in.rpc != InMsg.Rpc.NONE) {
      status |= 32;
    }
    if (in.answer != null) {
      status |= 64;
    }
    return (byte) status;
  }
}
