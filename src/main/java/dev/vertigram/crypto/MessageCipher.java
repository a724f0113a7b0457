package dev.vertigram.crypto;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * The encrypted-message envelope {@code auth_key_id(8) ‖ msg_key(16) ‖ AES-256-IGE(plaintext ‖ padding)} for both
 * sides: MTProto 2.0 for all traffic, and MTProto 1.0 for the {@code encrypted_message} of auth.bindTempAuthKey.
 *
 * <p>Decryption checks auth_key_id, the length and msg_key (constant-time compare) and throws
 * {@link SecurityCheckException} on any mismatch; the msg_key is always recomputed, even when auth_key_id already
 * failed. The caller (mtproto layer) then checks salt, session, msg_id, length and padding bounds of the plaintext.
 */
public final class MessageCipher {

  /** auth_key_id(8) ‖ msg_key(16): where the encrypted part of an envelope starts. */
  public static final int HEADER = 24;
  private static final int MIN_PADDING = 12;
  private static final int MAX_PADDING = 1024;
  /** Extra random 16-byte blocks (0..3) added to the minimal padding, to blur the exact message length. */
  private static final int EXTRA_PADDING_BLOCKS = 4;
  /** MTProto 1.0 plaintext header: salt/random(16) ‖ msg_id(8) ‖ seqno(4) ‖ length(4). */
  private static final int V1_HEADER = 32;

  private MessageCipher() {
  }

  /**
   * MTProto 2.0 encryption of {@code plaintext[off, off+len)} with 12..75 random padding bytes (total % 16 == 0).
   *
   * @param x 0 for client→server, 8 for server→client
   */
  public static byte[] encrypt(AuthKey key, int x, byte[] plaintext, int off, int len, SecureRandom rnd) {
    Objects.checkFromIndexSize(off, len, plaintext.length);
    byte[] out = new byte[envelopeLength(len, rnd)];
    System.arraycopy(plaintext, off, out, HEADER, len);
    encryptInPlace(key, x, out, len, rnd);
    return out;
  }

  /**
   * The length of the envelope for a {@code len}-byte plaintext, with 12..75 bytes of padding (a random number of extra
   * blocks). Allocate an array of that length, write the plaintext at offset {@value #HEADER} and call
   * {@link #encryptInPlace}: the message is then encrypted without copying it.
   */
  public static int envelopeLength(int len, SecureRandom rnd) {
    int pad = MIN_PADDING + Math.floorMod(-(len + MIN_PADDING), 16) + 16 * rnd.nextInt(EXTRA_PADDING_BLOCKS);
    return HEADER + len + pad;
  }

  /**
   * MTProto 2.0 encryption in place: {@code envelope[24, 24+len)} holds the plaintext, the rest after it (12..1024
   * bytes, making the encrypted part a multiple of 16) is filled with random padding, then the whole is encrypted and
   * {@code envelope[0, 24)} receives auth_key_id and msg_key.
   *
   * @param x 0 for client→server, 8 for server→client
   */
  public static void encryptInPlace(AuthKey key, int x, byte[] envelope, int len, SecureRandom rnd) {
    encryptInPlace(key, x, envelope, 0, envelope.length, len, rnd);
  }

  /**
   * As {@link #encryptInPlace(AuthKey, int, byte[], int, SecureRandom)} for the envelope {@code buf[off, off+length)}
   * (its plaintext at {@code off + 24}), leaving the rest of {@code buf} alone.
   */
  public static void encryptInPlace(AuthKey key, int x, byte[] buf, int off, int length, int len, SecureRandom rnd) {
    Objects.checkFromIndexSize(off, length, buf.length);
    int pad = length - HEADER - len;
    if (len < 0 || pad < MIN_PADDING || pad > MAX_PADDING || (len + pad) % 16 != 0) {
      throw new IllegalArgumentException("padding must be 12..1024 bytes and make the length a multiple of 16");
    }
    byte[] padding = new byte[pad];
    rnd.nextBytes(padding);
    System.arraycopy(padding, 0, buf, off + HEADER + len, pad);
    sealV2(key, x, buf, off, length);
  }

  /**
   * MTProto 2.0 encryption with caller-chosen padding (12..1024 bytes, making the total a multiple of 16); for test
   * vectors and callers with their own padding policy.
   */
  public static byte[] encryptWithPadding(AuthKey key, int x, byte[] plaintext, int off, int len, byte[] padding) {
    Objects.checkFromIndexSize(off, len, plaintext.length);
    int total = len + padding.length;
    if (padding.length < MIN_PADDING || padding.length > MAX_PADDING || total % 16 != 0) {
      throw new IllegalArgumentException("padding must be 12..1024 bytes and make the length a multiple of 16");
    }
    byte[] out = new byte[HEADER + total];
    System.arraycopy(plaintext, off, out, HEADER, len);
    System.arraycopy(padding, 0, out, HEADER + len, padding.length);
    sealV2(key, x, out, 0, out.length);
    return out;
  }

  /**
   * MTProto 2.0 decryption of the envelope {@code wire[off, off+len)}.
   *
   * @return the plaintext including its padding (a new array)
   * @throws SecurityCheckException on a wrong auth_key_id, a bad length or a msg_key mismatch
   */
  public static byte[] decrypt(AuthKey key, int x, byte[] wire, int off, int len) {
    checkEnvelope(wire, off, len, 16);
    byte[] plain = Arrays.copyOfRange(wire, off + HEADER, off + len);
    open(key, x, wire, off, plain, 0, plain.length);
    return plain;
  }

  /**
   * As {@link #decrypt}, but decrypts in place: on return {@code wire[off+24, off+len)} holds the plaintext with its
   * padding. After a {@link SecurityCheckException} that range holds garbage and must be discarded.
   */
  public static void decryptInPlace(AuthKey key, int x, byte[] wire, int off, int len) {
    checkEnvelope(wire, off, len, 16);
    open(key, x, wire, off, wire, off + HEADER, len - HEADER);
  }

  /**
   * MTProto 1.0 encryption (client→server, x = 0) for auth.bindTempAuthKey: msg_key = SHA1(plaintext)[4:20], then
   * 0..15 random padding bytes.
   *
   * @param plaintextUnpadded {@code random(16) ‖ msg_id ‖ seqno ‖ length ‖ bind_auth_key_inner}
   */
  public static byte[] encryptV1(AuthKey permKey, byte[] plaintextUnpadded, SecureRandom rnd) {
    int len = plaintextUnpadded.length;
    byte[] padding = new byte[Math.floorMod(-len, 16)];
    rnd.nextBytes(padding);
    byte[] out = Bytes.concat(new byte[HEADER], plaintextUnpadded, padding);
    byte[] msgKey = Kdf.msgKeyV1(plaintextUnpadded);
    seal(permKey, msgKey, Kdf.kdf1(permKey.raw(), msgKey, 0), out, 0, out.length);
    return out;
  }

  /**
   * MTProto 1.0 decryption (x = 0) of an auth.bindTempAuthKey {@code encrypted_message}. The unpadded length is
   * {@code 32 + length} with {@code length} read from plaintext offset 28; it must leave 0..15 padding bytes.
   *
   * @return the plaintext without padding (a new array)
   * @throws SecurityCheckException on a wrong auth_key_id, a bad length or a msg_key mismatch
   */
  public static byte[] decryptV1(AuthKey permKey, byte[] wire, int off, int len) {
    checkEnvelope(wire, off, len, V1_HEADER);
    byte[] msgKey = Arrays.copyOfRange(wire, off + 8, off + HEADER);
    boolean idOk = Bytes.getLongLe(wire, off) == permKey.id();
    Kdf.KeyIv keyIv = Kdf.kdf1(permKey.raw(), msgKey, 0);
    byte[] plain = AesIge.decrypt(keyIv.key(), keyIv.iv(), Arrays.copyOfRange(wire, off + HEADER, off + len));
    int bodyLen = Bytes.getIntLe(plain, V1_HEADER - 4);
    boolean lengthOk = bodyLen >= 0 && bodyLen % 4 == 0 && bodyLen <= plain.length - V1_HEADER
        && plain.length - V1_HEADER - bodyLen < 16;
    int unpadded = lengthOk ? V1_HEADER + bodyLen : plain.length;
    boolean msgKeyOk = MessageDigest.isEqual(msgKey, Kdf.msgKeyV1(plain, 0, unpadded));
    verdict(idOk, lengthOk && msgKeyOk);
    return Arrays.copyOf(plain, unpadded);
  }

  /** MTProto 2.0 msg_key and KDF over the padded plaintext {@code out[off+24, off+length)}, then {@link #seal}. */
  private static void sealV2(AuthKey key, int x, byte[] out, int off, int length) {
    byte[] msgKey = Kdf.msgKey(key.raw(), out, off + HEADER, length - HEADER, x);
    seal(key, msgKey, Kdf.kdf2(key.raw(), msgKey, x), out, off, length);
  }

  /** Writes auth_key_id and msg_key into {@code out[off, off+24)} and IGE-encrypts the rest of the envelope. */
  private static void seal(AuthKey key, byte[] msgKey, Kdf.KeyIv keyIv, byte[] out, int off, int length) {
    Bytes.putLongLe(out, off, key.id());
    System.arraycopy(msgKey, 0, out, off + 8, 16);
    AesIge.encrypt(keyIv.key(), keyIv.iv(), out, off + HEADER, length - HEADER);
  }

  /**
   * Checks the header at {@code wire[off, off+24)} against the ciphertext {@code buf[bufOff, bufOff+bufLen)}, which is
   * decrypted in place (it may lie in {@code wire} right after the header).
   */
  private static void open(AuthKey key, int x, byte[] wire, int off, byte[] buf, int bufOff, int bufLen) {
    byte[] msgKey = Arrays.copyOfRange(wire, off + 8, off + HEADER);
    boolean idOk = Bytes.getLongLe(wire, off) == key.id();
    Kdf.KeyIv keyIv = Kdf.kdf2(key.raw(), msgKey, x);
    AesIge.decrypt(keyIv.key(), keyIv.iv(), buf, bufOff, bufLen);
    verdict(idOk, MessageDigest.isEqual(msgKey, Kdf.msgKey(key.raw(), buf, bufOff, bufLen, x)));
  }

  private static void checkEnvelope(byte[] wire, int off, int len, int minPayload) {
    Objects.checkFromIndexSize(off, len, wire.length);
    if (len - HEADER < minPayload || (len - HEADER) % 16 != 0) {
      throw new SecurityCheckException("encrypted message length " + len + " is not 24 + a positive multiple of 16");
    }
  }

  private static void verdict(boolean idOk, boolean msgKeyOk) {
    if (!idOk) {
      throw new SecurityCheckException("auth_key_id mismatch");
    }
    if (!msgKeyOk) {
      throw new SecurityCheckException("msg_key mismatch");
    }
  }
}
