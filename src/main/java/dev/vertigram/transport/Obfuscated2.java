package dev.vertigram.transport;

import dev.vertigram.crypto.AesCtr;
import dev.vertigram.crypto.Hashes;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The obfuscated2 layer: a 64-byte random init opens the connection, then each direction is one continuous
 * AES-256-CTR stream. The initiator (client) encrypts with key {@code init[8:40]}, IV {@code init[40:56]} and
 * decrypts with the same slices of the reversed init; the server does the opposite. With an MTProxy secret,
 * each key becomes {@code SHA256(key ‖ secret)}.
 */
final class Obfuscated2 {
  static final int INIT_LENGTH = 64;
  /** init[56:60]: the protocol tag; init[60:62]: the DC id. */
  static final int TAG_OFFSET = 56;
  static final int DC_OFFSET = 60;

  private final AesCtr encryptor;
  private final AesCtr decryptor;

  private Obfuscated2(AesCtr encryptor, AesCtr decryptor) {
    this.encryptor = encryptor;
    this.decryptor = decryptor;
  }

  /** Streams of the side that generated {@code init}. */
  static Obfuscated2 forClient(byte[] init, byte[] secret) {
    return new Obfuscated2(stream(init, secret), stream(reversed(init), secret));
  }

  /** Streams of the side that received {@code init} (still encrypted: only bytes 8..56 are used). */
  static Obfuscated2 forServer(byte[] init, byte[] secret) {
    return new Obfuscated2(stream(reversed(init), secret), stream(init, secret));
  }

  /**
   * A random init that cannot be mistaken for another protocol: not starting with the abridged tag, an HTTP
   * verb, a TLS record, the intermediate tags, nor with zero in bytes 4..8 (the full transport's first seq).
   * Then the protocol tag and the DC id (signed LE int16) are written in.
   */
  static byte[] newInit(SecureRandom random, TransportKind kind, int dcId) {
    if (!kind.supportsObfuscation()) {
      throw new IllegalArgumentException(kind + " cannot run inside obfuscated2 (no protocol tag)");
    }
    if (dcId != (short) dcId) {
      throw new IllegalArgumentException("DC id out of int16 range: " + dcId);
    }
    byte[] init = new byte[INIT_LENGTH];
    do {
      random.nextBytes(init);
    } while (!allowed(init));
    Framing.putIntLE(init, TAG_OFFSET, kind.obfuscatedTag());
    init[DC_OFFSET] = (byte) dcId;
    init[DC_OFFSET + 1] = (byte) (dcId >> 8);
    return init;
  }

  static boolean allowed(byte[] init) {
    int first = Framing.getIntLE(init, 0);
    return (init[0] & 0xff) != 0xef
      && first != 0x44414548 // "HEAD"
      && first != 0x54534f50 // "POST"
      && first != 0x20544547 // "GET "
      && first != 0x4954504f // "OPTI"
      && first != 0x02010316 // TLS handshake record
      && first != 0xdddddddd
      && first != 0xeeeeeeee
      && Framing.getIntLE(init, 4) != 0;
  }

  /** The 64 bytes the client sends first: {@code init[0:56]} in clear, then the encrypted {@code init[56:64]}. */
  byte[] header(byte[] init) {
    byte[] encrypted = init.clone();
    encrypt(encrypted);
    byte[] header = Arrays.copyOf(init, INIT_LENGTH);
    System.arraycopy(encrypted, TAG_OFFSET, header, TAG_OFFSET, INIT_LENGTH - TAG_OFFSET);
    return header;
  }

  void encrypt(byte[] b) {
    encrypt(b, 0, b.length);
  }

  void encrypt(byte[] b, int off, int len) {
    encryptor.apply(b, off, len);
  }

  void decrypt(byte[] b) {
    decryptor.apply(b, 0, b.length);
  }

  /**
   * The 16 key bytes of an MTProxy secret: 16 bytes as is, or 17 starting with {@code dd} (padded-intermediate
   * mode) without that byte. Fake-TLS ({@code ee}) secrets are not supported. Null stays null (no proxy).
   */
  static byte[] proxyKey(byte[] secret) {
    if (secret == null || secret.length == 16) {
      return secret;
    }
    if (secret.length == 17 && (secret[0] & 0xff) == 0xdd) {
      return Arrays.copyOfRange(secret, 1, 17);
    }
    throw new IllegalArgumentException("unsupported MTProxy secret of " + secret.length
      + " bytes: expected 16 bytes, or dd + 16 bytes (fake-TLS ee secrets are not supported)");
  }

  private static AesCtr stream(byte[] source, byte[] secret) {
    byte[] key = Arrays.copyOfRange(source, 8, 40);
    if (secret != null) {
      key = Hashes.sha256(key, secret);
    }
    return new AesCtr(key, Arrays.copyOfRange(source, 40, 56));
  }

  static byte[] reversed(byte[] init) {
    byte[] rev = new byte[INIT_LENGTH];
    for (int i = 0; i < INIT_LENGTH; i++) {
      rev[i] = init[INIT_LENGTH - 1 - i];
    }
    return rev;
  }
}
