package dev.vertigram.crypto;

/**
 * A failed protocol security check: msg_key or hash mismatch, unknown auth_key_id, a Diffie-Hellman value out of range,
 * an unsafe prime, a malformed envelope. Messages describe the failed check and never contain key material.
 */
public class SecurityCheckException extends SecurityException {

  /**
   * @param message which check failed (no secrets)
   */
  public SecurityCheckException(String message) {
    super(message);
  }
}
