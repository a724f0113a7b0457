package dev.vertigram.mtproto;

import io.vertx.core.buffer.Buffer;

/**
 * One MTProto message: its id, its sequence number and its TL body (a boxed object, possibly gzip_packed).
 *
 * @param msgId the message id (client ids are 0 mod 4, server ids 1 or 3 mod 4)
 * @param seqno the sequence number; odd for content-related messages
 * @param body  the serialized body
 */
public record MtMessage(long msgId, int seqno, Buffer body) {

  /** Whether the message is content-related (odd seqno) and so must be acknowledged. */
  public boolean contentRelated() {
    return (seqno & 1) == 1;
  }

  /** The constructor id at the start of the body, or 0 when the body is shorter than 4 bytes. */
  public int constructorId() {
    return body.length() >= 4 ? body.getIntLE(0) : 0;
  }
}
