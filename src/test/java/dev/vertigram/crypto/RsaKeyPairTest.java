package dev.vertigram.crypto;

import static dev.vertigram.crypto.TestSupport.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RsaKeyPairTest {

  private static final SecureRandom RND = new SecureRandom();
  private static RsaKeyPair pair;

  @BeforeAll
  static void generate() {
    pair = RsaKeyPair.generate(RND);
  }

  @Test
  void generatedKeyShape() {
    assertEquals(2048, pair.publicKey().modulus().bitLength());
    assertEquals(BigInteger.valueOf(65537), pair.publicKey().exponent());
    String s = pair.toString();
    assertEquals("RsaKeyPair[fingerprint=" + pair.publicKey().fingerprint() + "]", s);
  }

  @Test
  void pemRoundTrip() {
    String pem = pair.toPem();
    assertTrue(pem.startsWith("-----BEGIN RSA PRIVATE KEY-----\n"));
    RsaKeyPair back = RsaKeyPair.fromPem(pem);
    assertEquals(pair.publicKey(), back.publicKey());
    assertEquals(pem, back.toPem());
    assertEquals(pair.publicKey(), RsaKey.fromPem(pair.publicKey().toPkcs1Pem()));
  }

  /** The official sample's p_q_inner_data_dc and its 92 padding bytes (VECTORS §5), through our own key pair. */
  @Test
  void rsaPadRoundTrip() {
    byte[] data = hex("955ff5a908256595edb7766797000000045a300d4b000000046a26db65000000406709f612fadfbec3f0289d0aa67eef"
        + "e11dbc3bc97d91a26154f932af019943a8bbc849512dac6c67b6efd9157d6ca7377a1776307d84265c6be9bdcf802ac102000000");
    byte[] padding = hex("d944bb8347c876177fe03c2562bf4e87258ef147a7815d8853aa4b1065a5a385d0da7e0b6100faf5"
        + "5728d04dfc84e7e0d20006e07e1cb036730f5b3209cf85b2365b39de2cbc56f40b725ad347835e5d1973567ece8a02cf343d54f7");
    byte[] tempKeys = new byte[32 * 64];
    RND.nextBytes(tempKeys);
    byte[] enc = pair.publicKey().encryptRsaPad(data, new TestSupport.FixedRandom(padding, tempKeys));
    assertEquals(256, enc.length);
    assertArrayEquals(Bytes.concat(data, padding), pair.decryptRsaPad(enc));
  }

  @Test
  void rsaPadHashMismatchIsRejected() {
    byte[] keyAesEncrypted = RsaPad.pad(new byte[100], RND, pair.publicKey().modulus());
    keyAesEncrypted[200] ^= 1; // corrupts the IGE ciphertext (and with it temp_key): the hash no longer matches
    if (new BigInteger(1, keyAesEncrypted).compareTo(pair.publicKey().modulus()) >= 0) {
      keyAesEncrypted[0] = 0;
    }
    byte[] enc = pair.publicKey().encryptRaw(keyAesEncrypted);
    assertEquals("RSA_PAD hash mismatch",
        assertThrows(SecurityCheckException.class, () -> pair.decryptRsaPad(enc)).getMessage());
  }

  @Test
  void ciphertextAboveModulusIsRejected() {
    byte[] tooBig = new byte[256];
    Arrays.fill(tooBig, (byte) 0xff);
    assertThrows(SecurityCheckException.class, () -> pair.decryptRaw(tooBig));
    assertThrows(SecurityCheckException.class, () -> pair.decryptRaw(new byte[257]));
  }

  /** Legacy scheme: the server sees 00 ‖ SHA1(data) ‖ data ‖ padding after raw decryption. */
  @Test
  void legacyRoundTrip() {
    byte[] data = new byte[100];
    RND.nextBytes(data);
    byte[] plain = pair.decryptRaw(pair.publicKey().encryptLegacy(data, RND));
    assertEquals(256, plain.length);
    assertEquals(0, plain[0]);
    assertArrayEquals(Hashes.sha1(data), Arrays.copyOfRange(plain, 1, 21));
    assertArrayEquals(data, Arrays.copyOfRange(plain, 21, 121));
    assertThrows(IllegalArgumentException.class, () -> pair.publicKey().encryptLegacy(new byte[236], RND));
  }

  @Test
  void pkcs8PemIsAccepted() throws Exception {
    java.security.KeyPairGenerator gen = java.security.KeyPairGenerator.getInstance("RSA");
    gen.initialize(2048, RND);
    byte[] pkcs8 = gen.generateKeyPair().getPrivate().getEncoded();
    RsaKeyPair parsed = RsaKeyPair.fromPem(Pem.write("PRIVATE KEY", pkcs8));
    assertFalse(parsed.toPem().isEmpty());
    assertThrows(IllegalArgumentException.class, () -> RsaKeyPair.fromPem(parsed.publicKey().toPkcs1Pem()));
  }
}
