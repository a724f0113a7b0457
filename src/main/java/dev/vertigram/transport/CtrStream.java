package dev.vertigram.transport;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;

/**
 * One continuous AES-256-CTR keystream, applied in place (javax.crypto). Stand-in with the same shape as
 * {@code dev.vertigram.crypto.AesCtr}, which was not available when this package was written: replace it by
 * that class once it is on main.
 */
final class CtrStream {
  private final Cipher cipher;

  CtrStream(byte[] key32, byte[] iv16) {
    try {
      cipher = Cipher.getInstance("AES/CTR/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key32, "AES"), new IvParameterSpec(iv16));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/CTR unavailable", e);
    }
  }

  void apply(byte[] buf, int off, int len) {
    try {
      // CTR never buffers (update returns all len bytes), and the JCE allows output to overlap input
      cipher.update(buf, off, len, buf, off);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
