package dev.vertigram.localdc.impl;

import dev.vertigram.crypto.Kdf;
import io.vertx.core.buffer.Buffer;

import java.math.BigInteger;

/**
 * One auth key exchange in progress, found by its client nonce. Every request and answer is kept so that an
 * identical repeated request gets the identical answer (for {@value Handshake#KEEP_MILLIS} ms).
 */
final class HandshakeState {

  enum Step { PQ_SENT, DH_SENT, DONE, FAILED }

  final byte[] nonce;
  final byte[] serverNonce;
  final long p;
  final long q;
  final long createdAtMillis;
  Step step = Step.PQ_SENT;
  Buffer pqRequest;
  Buffer pqAnswer;
  Buffer dhRequest;
  Buffer dhAnswer;
  Buffer setRequest;
  Buffer setAnswer;
  byte[] newNonce;
  BigInteger a;
  Kdf.KeyIv tmpAesKeyIv;
  boolean temp;
  int expiresIn;
  /** retry_id the client must send next: 0 at first, the aux hash of the colliding key after dh_gen_retry. */
  long expectedRetryId;

  HandshakeState(byte[] nonce, byte[] serverNonce, long p, long q, long createdAtMillis) {
    this.nonce = nonce;
    this.serverNonce = serverNonce;
    this.p = p;
    this.q = q;
    this.createdAtMillis = createdAtMillis;
  }

  /** The answer already given to exactly this request, or null. */
  Buffer replay(Buffer request) {
    if (request.equals(pqRequest)) {
      return pqAnswer;
    }
    if (request.equals(dhRequest)) {
      return dhAnswer;
    }
    if (request.equals(setRequest)) {
      return setAnswer;
    }
    return null;
  }
}
