package dev.vertigram.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one fixed key, for hot paths: each thread keeps its own initialised {@link Mac}
 * ({@code Mac.getInstance} and {@code init} cost far more than hashing a few bytes). Thread-safe; the key is copied.
 */
public final class HmacSha256 {

  private final ThreadLocal<Mac> mac;

  /** @param key the HMAC key (any length) */
  public HmacSha256(byte[] key) {
    SecretKeySpec spec = new SecretKeySpec(Arrays.copyOf(key, key.length), "HmacSHA256");
    this.mac = ThreadLocal.withInitial(() -> {
      try {
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(spec);
        return m;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is not available", e);
      }
    });
  }

  /** @return the 32-byte HMAC of {@code data} */
  public byte[] mac(byte[] data) {
    return mac.get().doFinal(data);
  }
}
