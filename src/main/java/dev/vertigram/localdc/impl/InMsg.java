package dev.vertigram.localdc.impl;

import dev.vertigram.mtproto.MtMessage;

/** What a session knows about one message it accepted from the client. Confined to the DC's event loop. */
final class InMsg {

  /** The state of the RPC the message carried, if any. */
  enum Rpc { NONE, RUNNING, DONE, FAILED }

  final long msgId;
  final boolean contentRelated;
  Rpc rpc = Rpc.NONE;
  /** An ack was sent (or an answer, which acks too). */
  boolean acked;
  /** The client asked (rpc_drop_answer) not to get the answer. */
  boolean dropped;
  /** The content-related answer (an rpc_result), once generated. */
  MtMessage answer;

  InMsg(long msgId, boolean contentRelated) {
    this.msgId = msgId;
    this.contentRelated = contentRelated;
  }

  boolean finished() {
    return rpc == Rpc.DONE || rpc == Rpc.FAILED;
  }
}
