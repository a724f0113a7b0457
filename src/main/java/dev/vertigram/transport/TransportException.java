package dev.vertigram.transport;

/**
 * A broken transport stream: bad framing, bad CRC32 or sequence number (full transport), an unknown protocol
 * tag, or a frame longer than {@value Framing#MAX_PAYLOAD} bytes. The connection cannot be used any more.
 */
public class TransportException extends RuntimeException {

  /** Creates the exception with its message. */
  public TransportException(String message) {
    super(message);
  }
}
