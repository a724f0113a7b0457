package dev.vertigram.crypto;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * MTProto key derivations: the 2.0 and 1.0 message-key KDFs and msg_key, the handshake's new_nonce hashes,
 * tmp_aes_key/iv and the first server salt. Nonces are fixed-length byte arrays throughout (never big integers, which
 * would drop leading zero bytes).
 */
public final class Kdf {

  /**
   * An AES-256-IGE key (32 bytes) and IV (32 bytes). Its {@code toString} prints nothing of either.
   *
   * @param key AES-256 key
   * @param iv IGE iv
   */
  public record KeyIv(byte[] key, byte[] iv) {
    @Override
    public String toString() {
      return "KeyIv[redacted]";
    }
  }

  private Kdf() {
  }

  /**
   * MTProto 2.0 msg_key = SHA256(auth_key[88+x : 120+x] ‖ plaintext_with_padding)[8:24].
   *
   * @param x 0 for client→server, 8 for server→client
   */
  public static byte[] msgKey(byte[] authKey, byte[] buf, int off, int len, int x) {
    checkKeyAndX(authKey, x);
    MessageDigest md = Hashes.sha256Digest();
    md.update(authKey, 88 + x, 32);
    md.update(buf, off, len);
    return Arrays.copyOfRange(md.digest(), 8, 24);
  }

  /**
   * MTProto 2.0 KDF: sha256_a = SHA256(msg_key ‖ auth_key[x:x+36]), sha256_b = SHA256(auth_key[40+x:76+x] ‖ msg_key);
   * key = a[0:8] ‖ b[8:24] ‖ a[24:32], iv = b[0:8] ‖ a[8:24] ‖ b[24:32].
   *
   * @param x 0 for client→server, 8 for server→client
   */
  public static KeyIv kdf2(byte[] authKey, byte[] msgKey, int x) {
    checkKeyAndX(authKey, x);
    Bytes.checkLength(msgKey, 16, "msg_key");
    MessageDigest md = Hashes.sha256Digest();
    md.update(msgKey);
    md.update(authKey, x, 36);
    byte[] a = md.digest();
    md.update(authKey, 40 + x, 36);
    md.update(msgKey);
    byte[] b = md.digest();
    return new KeyIv(
        Bytes.concat(Arrays.copyOfRange(a, 0, 8), Arrays.copyOfRange(b, 8, 24), Arrays.copyOfRange(a, 24, 32)),
        Bytes.concat(Arrays.copyOfRange(b, 0, 8), Arrays.copyOfRange(a, 8, 24), Arrays.copyOfRange(b, 24, 32)));
  }

  /** MTProto 1.0 msg_key = SHA1(plaintext without padding)[4:20]. */
  public static byte[] msgKeyV1(byte[] plaintextUnpadded) {
    return msgKeyV1(plaintextUnpadded, 0, plaintextUnpadded.length);
  }

  /** MTProto 1.0 msg_key of {@code buf[off, off+len)} (the plaintext without padding). */
  public static byte[] msgKeyV1(byte[] buf, int off, int len) {
    MessageDigest md = Hashes.sha1Digest();
    md.update(buf, off, len);
    return Arrays.copyOfRange(md.digest(), 4, 20);
  }

  /**
   * MTProto 1.0 KDF (core.telegram.org/mtproto/description_v1): a = SHA1(msg_key ‖ auth_key[x:x+32]),
   * b = SHA1(auth_key[32+x:48+x] ‖ msg_key ‖ auth_key[48+x:64+x]), c = SHA1(auth_key[64+x:96+x] ‖ msg_key),
   * d = SHA1(msg_key ‖ auth_key[96+x:128+x]); key = a[0:8] ‖ b[8:20] ‖ c[4:16],
   * iv = a[8:20] ‖ b[0:8] ‖ c[16:20] ‖ d[0:8].
   *
   * @param x 0 for client→server, 8 for server→client
   */
  public static KeyIv kdf1(byte[] authKey, byte[] msgKey, int x) {
    checkKeyAndX(authKey, x);
    Bytes.checkLength(msgKey, 16, "msg_key");
    byte[] a = Hashes.sha1(msgKey, slice(authKey, x, 32));
    byte[] b = Hashes.sha1(slice(authKey, 32 + x, 16), msgKey, slice(authKey, 48 + x, 16));
    byte[] c = Hashes.sha1(slice(authKey, 64 + x, 32), msgKey);
    byte[] d = Hashes.sha1(msgKey, slice(authKey, 96 + x, 32));
    return new KeyIv(
        Bytes.concat(slice(a, 0, 8), slice(b, 8, 12), slice(c, 4, 12)),
        Bytes.concat(slice(a, 8, 12), slice(b, 0, 8), slice(c, 16, 4), slice(d, 0, 8)));
  }

  /**
   * new_nonce_hash<i>n</i> = SHA1(new_nonce ‖ byte(n) ‖ auth_key_aux_hash)[4:20] (16 bytes), for dh_gen_ok (1),
   * dh_gen_retry (2) and dh_gen_fail (3).
   */
  public static byte[] newNonceHash(byte[] newNonce, int n, byte[] auxHash) {
    Bytes.checkLength(newNonce, 32, "new_nonce");
    Bytes.checkLength(auxHash, 8, "auth_key_aux_hash");
    if (n < 1 || n > 3) {
      throw new IllegalArgumentException("new_nonce_hash number must be 1, 2 or 3");
    }
    return slice(Hashes.sha1(newNonce, new byte[] {(byte) n}, auxHash), 4, 16);
  }

  /**
   * The handshake's temporary AES key and IV: key = SHA1(new_nonce ‖ server_nonce) ‖ SHA1(server_nonce ‖
   * new_nonce)[0:12]; iv = SHA1(server_nonce ‖ new_nonce)[12:20] ‖ SHA1(new_nonce ‖ new_nonce) ‖ new_nonce[0:4].
   */
  public static KeyIv tmpAesKeyIv(byte[] serverNonce, byte[] newNonce) {
    Bytes.checkLength(serverNonce, 16, "server_nonce");
    Bytes.checkLength(newNonce, 32, "new_nonce");
    byte[] ns = Hashes.sha1(newNonce, serverNonce);
    byte[] sn = Hashes.sha1(serverNonce, newNonce);
    byte[] nn = Hashes.sha1(newNonce, newNonce);
    return new KeyIv(
        Bytes.concat(ns, slice(sn, 0, 12)),
        Bytes.concat(slice(sn, 12, 8), nn, slice(newNonce, 0, 4)));
  }

  /** First server_salt: new_nonce[0:8] XOR server_nonce[0:8], read as a little-endian long. */
  public static long initialSalt(byte[] newNonce, byte[] serverNonce) {
    Bytes.checkLength(newNonce, 32, "new_nonce");
    Bytes.checkLength(serverNonce, 16, "server_nonce");
    return Bytes.getLongLe(newNonce, 0) ^ Bytes.getLongLe(serverNonce, 0);
  }

  private static byte[] slice(byte[] b, int off, int len) {
    return Arrays.copyOfRange(b, off, off + len);
  }

  private static void checkKeyAndX(byte[] authKey, int x) {
    Bytes.checkLength(authKey, AuthKey.SIZE, "auth_key");
    if (x != 0 && x != 8) {
      throw new IllegalArgumentException("x must be 0 (client to server) or 8 (server to client)");
    }
  }
}
