package dev.vertigram.crypto;

import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-CTR keystream for the obfuscated2 transport: one continuous keystream across {@link #apply} calls, so a
 * stream may be fed in chunks of any size. Encryption and decryption are the same operation. Not thread-safe: one
 * instance per connection direction.
 */
public final class AesCtr {

  private final Cipher cipher;

  /**
   * @param key32 AES-256 key
   * @param iv16 initial 128-bit big-endian counter block
   */
  public AesCtr(byte[] key32, byte[] iv16) {
    Bytes.checkLength(key32, 32, "AES-256 key");
    Bytes.checkLength(iv16, 16, "CTR iv");
    try {
      cipher = Cipher.getInstance("AES/CTR/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key32, "AES"), new IvParameterSpec(iv16));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/CTR is not available", e);
    }
  }

  /** XORs the next {@code len} keystream bytes into {@code buf[off, off+len)}, in place. */
  public void apply(byte[] buf, int off, int len) {
    Objects.checkFromIndexSize(off, len, buf.length);
    try {
      cipher.update(buf, off, len, buf, off);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-CTR failed", e);
    }
  }

  @Override
  public String toString() {
    return "AesCtr[redacted]";
  }
}
