package dev.vertigram.mtproto;

import io.vertx.core.buffer.Buffer;

import java.util.function.LongFunction;

/**
 * One outgoing message of an {@link MtSession}: an API call encoded once by its creator, or a service message. The
 * session assigns its msg_id and seqno when it goes out and may re-send it (same or new msg_id) until it is answered.
 * Owned by the session's thread once sent.
 */
public final class Query {

  private Buffer body;
  private final LongFunction<Buffer> bodyForMsgId;
  final String resultMethod;
  final String queueId;
  final QueryHandler handler;
  final boolean contentRelated;
  /** An API call: may carry the initConnection prefix and be chained in a queue. */
  final boolean apiCall;
  /** Whether it survives a reconnect (pings do not). */
  final boolean resendable;

  long msgId;
  int seqno;
  long packetId;
  /** The previous call of the same queue, until this one is done. */
  Query prev;
  boolean withInit;
  int resends;
  /** Waiting in the outbox. */
  boolean queued;
  boolean done;

  private Query(Buffer body, LongFunction<Buffer> bodyForMsgId, String resultMethod, String queueId,
      QueryHandler handler, boolean contentRelated, boolean apiCall, boolean resendable) {
    this.body = body;
    this.bodyForMsgId = bodyForMsgId;
    this.resultMethod = resultMethod;
    this.queueId = queueId;
    this.handler = handler;
    this.contentRelated = contentRelated;
    this.apiCall = apiCall;
    this.resendable = resendable;
  }

  /**
   * An API call.
   *
   * @param body         the serialized method (possibly gzip_packed), sent as is
   * @param resultMethod the method whose result type decodes the answer ({@code TlCodec.resultMethod})
   * @param queueId      calls with the same queue id run in order (invokeAfterMsg); null for none
   */
  public static Query call(Buffer body, String resultMethod, String queueId, QueryHandler handler) {
    return new Query(body, null, resultMethod, queueId, handler, true, true, true);
  }

  /**
   * A call whose body depends on its own msg_id (auth.bindTempAuthKey). It never carries the initConnection prefix.
   * The body is rebuilt whenever the call gets a new msg_id.
   */
  public static Query callWithOwnMsgId(LongFunction<Buffer> body, String resultMethod, QueryHandler handler) {
    return new Query(body.apply(0), body, resultMethod, null, handler, true, false, true);
  }

  /** A service message; a null handler means no answer is expected. */
  static Query service(Buffer body, String resultMethod, boolean contentRelated, boolean resendable,
      QueryHandler handler) {
    return new Query(body, null, resultMethod, null, handler, contentRelated, false, resendable);
  }

  /** The msg_id it was last sent with, 0 before it is sent. */
  public long msgId() {
    return msgId;
  }

  Buffer body() {
    return body;
  }

  /** Called once msg_id is set. */
  void bodyAssigned() {
    if (bodyForMsgId != null) {
      body = bodyForMsgId.apply(msgId);
    }
  }

  /** Whether an answer is awaited (the session tracks it by msg_id). */
  boolean tracked() {
    return handler != null;
  }
}
