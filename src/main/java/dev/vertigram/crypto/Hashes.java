package dev.vertigram.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-1, SHA-256, SHA-512 and MD5 over the concatenation of byte arrays. Digest instances are cached per thread
 * ({@code MessageDigest.getInstance} is comparatively costly and the message path hashes every packet).
 */
public final class Hashes {

  private static final ThreadLocal<MessageDigest> SHA1 = cached("SHA-1");
  private static final ThreadLocal<MessageDigest> SHA256 = cached("SHA-256");
  private static final ThreadLocal<MessageDigest> SHA512 = cached("SHA-512");
  private static final ThreadLocal<MessageDigest> MD5 = cached("MD5");

  private Hashes() {
  }

  /** @return SHA-1 (20 bytes) of the concatenated parts */
  public static byte[] sha1(byte[]... parts) {
    return digest(SHA1, parts);
  }

  /** @return SHA-256 (32 bytes) of the concatenated parts */
  public static byte[] sha256(byte[]... parts) {
    return digest(SHA256, parts);
  }

  /** @return SHA-512 (64 bytes) of the concatenated parts */
  public static byte[] sha512(byte[]... parts) {
    return digest(SHA512, parts);
  }

  /** @return MD5 (16 bytes) of the concatenated parts */
  public static byte[] md5(byte[]... parts) {
    return digest(MD5, parts);
  }

  /** The calling thread's SHA-1 instance, reset; for hashing array ranges. Do not keep it across calls. */
  static MessageDigest sha1Digest() {
    return fresh(SHA1);
  }

  /** The calling thread's SHA-256 instance, reset; for hashing array ranges. Do not keep it across calls. */
  static MessageDigest sha256Digest() {
    return fresh(SHA256);
  }

  private static byte[] digest(ThreadLocal<MessageDigest> cache, byte[]... parts) {
    MessageDigest md = fresh(cache);
    for (byte[] p : parts) {
      md.update(p);
    }
    return md.digest();
  }

  private static MessageDigest fresh(ThreadLocal<MessageDigest> cache) {
    MessageDigest md = cache.get();
    md.reset();
    return md;
  }

  private static ThreadLocal<MessageDigest> cached(String algorithm) {
    return ThreadLocal.withInitial(() -> {
      try {
        return MessageDigest.getInstance(algorithm);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(algorithm + " is not available", e);
      }
    });
  }
}
