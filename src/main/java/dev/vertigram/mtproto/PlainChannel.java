package dev.vertigram.mtproto;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * Carries the unencrypted messages of the auth key exchange: sends one body (a TL method) and completes with the next
 * unencrypted reply body. The implementation owns the msg_ids, the {@link PlainMessage} envelope, the transport and any
 * time-out; the exchange only sees TL bodies.
 */
public interface PlainChannel {

  /** Sends {@code requestBody} in an unencrypted message and completes with the body of the next unencrypted reply. */
  Future<Buffer> exchange(Buffer requestBody);
}
