package dev.vertigram.mtproto;

/** A malformed or rule-breaking MTProto message. The connection that carried it should be dropped. */
public class MtprotoException extends RuntimeException {

  public MtprotoException(String message) {
    super(message);
  }

  public MtprotoException(String message, Throwable cause) {
    super(message, cause);
  }
}
