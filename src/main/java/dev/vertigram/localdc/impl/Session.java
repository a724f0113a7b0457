package dev.vertigram.localdc.impl;

import dev.vertigram.mtproto.EncryptedMessage;
import dev.vertigram.mtproto.MsgContainer;
import dev.vertigram.mtproto.MtMessage;
import dev.vertigram.mtproto.SeqNoCounter;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * One MTProto session (auth key + session_id) on the server: what it received ({@link InboundLog}), the server
 * messages waiting to be written, the acks it owes, and its content-related messages the client has not acked yet
 * (re-sent when the client comes back on a new connection, or asks). Confined to the DC's event loop.
 */
final class Session {

  /** Unacked content-related messages kept per session; the oldest are forgotten past this. */
  static final int MAX_UNACKED = 16_384;
  /** Messages per outgoing container (the protocol's limit) and a soft byte budget per container. */
  private static final int CONTAINER_BYTES = 512 * 1024;
  private static final int MAX_ACK_IDS = 8192;

  private final DcState dc;
  private final StoredKey key;
  private final long sessionId;
  private final InboundLog inbound = new InboundLog();
  private final SeqNoCounter seqno = new SeqNoCounter();
  private final Map<Long, MtMessage> unacked = new LinkedHashMap<>(64, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, MtMessage> eldest) {
      return size() > MAX_UNACKED;
    }
  };
  private List<MtMessage> outbox = new ArrayList<>();
  private List<InMsg> acks = new ArrayList<>();
  private final AfterMsgWaiters waiters;
  private ServerConnection connection;
  private boolean announced;
  /** The msg_id of the last top-level message written (server msg_ids must increase on the wire). */
  private long lastWireMsgId;

  /** The API layer the client declared with invokeWithLayer (0 until it does). */
  private volatile int layer;
  /** The client's initConnection data (api_id, device_model, ...; null until it sends one). */
  private volatile io.vertx.core.json.JsonObject clientInfo;

  Session(DcState dc, StoredKey key, long sessionId) {
    this.dc = dc;
    this.key = key;
    this.sessionId = sessionId;
    this.waiters = new AfterMsgWaiters(dc.vertx(), inbound);
  }

  StoredKey key() {
    return key;
  }

  /** msg_id of a call → the seq its delivery gave the caller's account (see {@link Social#stampResult}). */
  private final Map<Long, Integer> reservedSeqs = new java.util.HashMap<>();

  void reserveSeq(long callMsgId, int seq) {
    synchronized (reservedSeqs) {
      reservedSeqs.put(callMsgId, seq);
    }
  }

  Integer takeReservedSeq(long callMsgId) {
    synchronized (reservedSeqs) {
      return reservedSeqs.remove(callMsgId);
    }
  }

  int layer() {
    return layer;
  }

  void layer(int layer) {
    this.layer = layer;
  }

  io.vertx.core.json.JsonObject clientInfo() {
    return clientInfo;
  }

  void clientInfo(io.vertx.core.json.JsonObject info) {
    this.clientInfo = info;
  }

  DcState dc() {
    return dc;
  }

  /** The source address of the connection the session writes to, null when detached. */
  String remoteHost() {
    return connection == null ? null : connection.remoteHost();
  }

  long sessionId() {
    return sessionId;
  }

  InboundLog inbound() {
    return inbound;
  }

  AfterMsgWaiters waiters() {
    return waiters;
  }

  /**
   * Makes {@code conn} the connection this session writes to. Coming back on a new connection re-sends every
   * content-related message the client has not acked, with its original msg_id and seqno.
   */
  void attach(ServerConnection conn) {
    if (connection == conn) {
      return;
    }
    if (connection != null) {
      connection.release(this);
      key.hostDetached(connection.remoteHost());
    }
    connection = conn;
    conn.adopt(this);
    key.hostAttached(conn.remoteHost());
    outbox = new ArrayList<>(unacked.values());
    if (!outbox.isEmpty() || !acks.isEmpty()) {
      conn.markDirty(this);
    }
  }

  boolean attached() {
    return connection != null;
  }

  /** The connection closed: what was not written yet is lost, except what waits in the unacked store. */
  void detach(ServerConnection conn) {
    if (connection == conn) {
      key.hostDetached(conn.remoteHost());
      connection = null;
      outbox = new ArrayList<>();
    }
  }

  /** Sends new_session_created once, before anything else the session answers. */
  void announce(long firstMsgId) {
    if (!announced) {
      announced = true;
      long salt = key.salts().current(dc.clock().seconds());
      send(ServiceBodies.newSessionCreated(firstMsgId, dc.random().nextLong(), salt), 3, true);
    }
  }

  /** Queues a server message: residue 1 for answers to client messages, 3 otherwise. */
  MtMessage send(Buffer body, int residue, boolean contentRelated) {
    MtMessage m = new MtMessage(dc.clock().nextMsgId(residue), seqno.next(contentRelated), body);
    if (contentRelated) {
      unacked.put(m.msgId(), m);
    }
    queue(m);
    return m;
  }

  /** Queues the rpc_result answering {@code in}, unless the client dropped it. */
  void answer(InMsg in, Buffer rpcResult) {
    if (in.dropped) {
      return;
    }
    in.answer = send(rpcResult, 1, true);
    in.acked = true;
  }

  /** Queues an ack for a content-related client message (skipped if an answer goes out first). */
  void ackLater(InMsg in) {
    acks.add(in);
    if (connection != null) {
      connection.markDirty(this);
    }
  }

  /** The client acked server messages. */
  void acked(List<Long> serverMsgIds) {
    for (long id : serverMsgIds) {
      unacked.remove(id);
    }
  }

  /** An unacked content-related message, or null. */
  MtMessage unacked(long serverMsgId) {
    return unacked.get(serverMsgId);
  }

  /** Forgets an answer the client no longer wants (rpc_drop_answer). */
  void forget(MtMessage answer) {
    unacked.remove(answer.msgId());
    outbox.remove(answer);
  }

  /**
   * Re-sends an existing message as it was (msg_id and seqno unchanged), unless it is already waiting to go: a
   * reconnect queues every unacked answer, and the client's re-sent query must not queue the same answer twice
   * (a container may not repeat a msg_id).
   */
  void resend(MtMessage m) {
    for (MtMessage queued : outbox) {
      if (queued.msgId() == m.msgId()) {
        return;
      }
    }
    queue(m);
  }

  private void queue(MtMessage m) {
    outbox.add(m);
    if (connection != null) {
      connection.markDirty(this);
    }
  }

  /**
   * The encrypted frames for everything queued: acks first, then the messages, packed into containers of at most
   * 1024 messages. Called by the connection on its flush, which writes them in this order. msg_ids, seqnos and the
   * unacked store are settled here, on the loop; only the encryption of big frames completes later (see
   * {@link CryptoOffload}).
   */
  List<Future<Buffer>> drain() {
    List<MtMessage> messages = new ArrayList<>(outbox.size() + 1);
    List<Long> ackIds = new ArrayList<>();
    for (InMsg in : acks) {
      if (in.answer == null && ackIds.size() < MAX_ACK_IDS) {
        ackIds.add(in.msgId);
        in.acked = true;
      }
    }
    acks = new ArrayList<>();
    if (!ackIds.isEmpty()) {
      messages.add(new MtMessage(dc.clock().nextMsgId(3), seqno.next(false), ServiceBodies.msgsAck(ackIds)));
    }
    messages.addAll(outbox);
    outbox = new ArrayList<>();
    List<Future<Buffer>> frames = new ArrayList<>();
    long salt = key.salts().current(dc.clock().seconds());
    int start = 0;
    while (start < messages.size()) {
      int end = start;
      int bytes = 0;
      while (end < messages.size() && end - start < MsgContainer.MAX_MESSAGES
          && (end == start || bytes + messages.get(end).body().length() <= CONTAINER_BYTES)) {
        bytes += messages.get(end).body().length() + MsgContainer.PER_MESSAGE_OVERHEAD;
        end++;
      }
      // a lone message goes alone unless it is a re-send, whose old msg_id must travel inside a new container
      Callable<MtMessage> frame;
      if (end - start == 1 && messages.get(start).msgId() > lastWireMsgId) {
        MtMessage lone = messages.get(start);
        lastWireMsgId = lone.msgId();
        frame = () -> lone;
      } else {
        long id = dc.clock().nextMsgId(3);
        int containerSeqno = seqno.next(false);
        List<MtMessage> batch = List.copyOf(messages.subList(start, end));
        lastWireMsgId = id;
        frame = () -> new MtMessage(id, containerSeqno, MsgContainer.pack(batch)); // packed with the encryption
      }
      frames.add(CryptoOffload.run(dc, bytes, () -> EncryptedMessage.encrypt(key.key(),
          EncryptedMessage.SERVER_TO_CLIENT, salt, sessionId, frame.call(), dc.random())));
      start = end;
    }
    return frames;
  }
}
