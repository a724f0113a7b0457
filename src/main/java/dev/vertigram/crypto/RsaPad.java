package dev.vertigram.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The RSA_PAD transform of core.telegram.org/mtproto/auth_key §4.1, without the RSA exponentiation itself:
 * data (≤ 144 B) ↔ key_aes_encrypted (256 B).
 */
final class RsaPad {

  static final int MAX_DATA = 144;
  private static final int PADDED = 192;
  private static final int KEY = 32;
  private static final byte[] ZERO_IV = new byte[32];

  private RsaPad() {
  }

  /**
   * data_with_padding = data ‖ random (to 192 B); then, for a fresh random temp_key each try:
   * data_with_hash = reverse(data_with_padding) ‖ SHA256(temp_key ‖ data_with_padding);
   * aes_encrypted = IGE(data_with_hash, temp_key, zero iv); key_aes_encrypted = (temp_key XOR SHA256(aes_encrypted))
   * ‖ aes_encrypted, repeated until it is below the modulus. Randomness is consumed in that order: the padding
   * first, then 32 bytes per temp_key.
   */
  static byte[] pad(byte[] data, SecureRandom rnd, BigInteger modulus) {
    if (data.length > MAX_DATA) {
      throw new IllegalArgumentException("RSA_PAD data must be at most 144 bytes, got " + data.length);
    }
    byte[] padding = new byte[PADDED - data.length];
    rnd.nextBytes(padding);
    byte[] dataWithPadding = Bytes.concat(data, padding);
    byte[] reversed = Bytes.reverse(dataWithPadding);
    while (true) {
      byte[] tempKey = new byte[KEY];
      rnd.nextBytes(tempKey);
      byte[] dataWithHash = Bytes.concat(reversed, Hashes.sha256(tempKey, dataWithPadding));
      byte[] aesEncrypted = AesIge.encrypt(tempKey, ZERO_IV, dataWithHash);
      byte[] keyAesEncrypted = Bytes.concat(Bytes.xor(tempKey, Hashes.sha256(aesEncrypted)), aesEncrypted);
      if (new BigInteger(1, keyAesEncrypted).compareTo(modulus) < 0) {
        return keyAesEncrypted;
      }
    }
  }

  /**
   * Inverse of {@link #pad}: recovers temp_key, IGE-decrypts, un-reverses and checks SHA256(temp_key ‖
   * data_with_padding).
   *
   * @return data_with_padding (192 bytes)
   * @throws SecurityCheckException if the hash does not match
   */
  static byte[] unpad(byte[] keyAesEncrypted) {
    Bytes.checkLength(keyAesEncrypted, 256, "key_aes_encrypted");
    byte[] aesEncrypted = Arrays.copyOfRange(keyAesEncrypted, KEY, keyAesEncrypted.length);
    byte[] tempKey = Bytes.xor(Arrays.copyOf(keyAesEncrypted, KEY), Hashes.sha256(aesEncrypted));
    byte[] dataWithHash = AesIge.decrypt(tempKey, ZERO_IV, aesEncrypted);
    byte[] dataWithPadding = Bytes.reverse(Arrays.copyOf(dataWithHash, PADDED));
    byte[] hash = Arrays.copyOfRange(dataWithHash, PADDED, dataWithHash.length);
    if (!MessageDigest.isEqual(hash, Hashes.sha256(tempKey, dataWithPadding))) {
      throw new SecurityCheckException("RSA_PAD hash mismatch");
    }
    return dataWithPadding;
  }
}
