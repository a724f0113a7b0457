package dev.vertigram.crypto;

import static dev.vertigram.crypto.TestSupport.hex;
import static dev.vertigram.crypto.TestSupport.range;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MessageCipherTest {

  private static final AuthKey KEY = new AuthKey(range(256));
  private static final SecureRandom RND = new SecureRandom();

  /** VECTORS §2a: Telethon test_encrypt_client_data_v2, padding = 19 zero bytes. */
  @Test
  void telethonClientMessage() {
    byte[] plain = "Hello, world! This data should remain secure!".getBytes(StandardCharsets.US_ASCII);
    assertEquals(45, plain.length);
    byte[] wire = MessageCipher.encryptWithPadding(KEY, 0, plain, 0, plain.length, new byte[19]);
    assertEquals("32d1586ea457dfc8a81729d46db54019a2bfd7f744f9b96c"
        + "4f716cfdc4477db2a2c15f6ddb85235fb9552f1d8407c6aaea00cc844c5a1bf6"
        + "ac44b79b5edc2a23868b3d6073a590992c0f2975243d563ea180d218ee757c9a", hex(wire));
  }

  /** VECTORS §2b: Telethon test_decrypt_server_data_v2 (a real server message, x = 8). */
  @Test
  void telethonServerMessage() {
    AuthKey key = new AuthKey(hex(
        "5d2e7d65f49ec28bd029a88761ea27b8a4c79f12226525443e7d7c596ef33035"
        + "30db2107e89aa997c7a0164ab694187adeff156bd6ef7118a1962347753c0e7e"
        + "89a0354b8ec364f9997e71bc6923fb86e8e43491e010606a6ce845e2fa019409"
        + "77ef0aa32adf5a97dbf6d428ec0434d717a2d3ad19622cc05887642113c7965f"
        + "fb862a3e3ccb0ab95addda57f89245dbd76b492348f8e94bd5a7c0e0b8480852"
        + "3cfd1ea80b32fe9ad198bc2e103fceb7d52492ecc0273a28674bc923eee59265"
        + "ab17a002df1f4aa2c59b819a5e5e1d105ec117336f5c76c6b187037d4b4270ce"
        + "e9cc21071d97e9bca220c6d7b01b998cf2e5cdb9a50ecda1852a36e635690c8e"));
    byte[] wire = serverWire();
    String expected = "fc826a02248b28fd60f2c4822443ad6801f0c1c2918b305e0200000058000000"
        + "dcf8f1730200000001a8c1c2918b305e010000001c0000000809c29ec4fd33ad"
        + "918b305e18a88ea607ee5816fc826a02248b28fd01ccc1c2918b305e02000000"
        + "14000000c5737734c4fd33ad918b305e6408300000000000fce66704a3cd8ee9"
        + "d0ae6fab672c60c04a3f1fd4490e51f6";
    assertEquals(expected, hex(MessageCipher.decrypt(key, 8, wire, 0, wire.length)));

    byte[] framed = new byte[wire.length + 7];
    System.arraycopy(wire, 0, framed, 3, wire.length);
    MessageCipher.decryptInPlace(key, 8, framed, 3, wire.length);
    assertEquals(expected, hex(Arrays.copyOfRange(framed, 3 + 24, 3 + wire.length)));

    assertThrows(SecurityCheckException.class, () -> MessageCipher.decrypt(key, 0, wire, 0, wire.length),
        "wrong direction x");
  }

  @Test
  void roundTripBothDirectionsWithRandomPadding() {
    for (int len = 0; len < 100; len += 4) {
      byte[] plain = range(len);
      for (int x : new int[] {0, 8}) {
        byte[] wire = MessageCipher.encrypt(KEY, x, plain, 0, len, RND);
        int padding = wire.length - 24 - len;
        assertTrue(padding >= 12 && padding <= 1024 && (wire.length - 24) % 16 == 0, "padding " + padding);
        byte[] back = MessageCipher.decrypt(KEY, x, wire, 0, wire.length);
        assertArrayEquals(plain, Arrays.copyOf(back, len));
      }
    }
  }

  @Test
  void tamperedMsgKeyIsRejected() {
    byte[] wire = MessageCipher.encrypt(KEY, 0, range(64), 0, 64, RND);
    wire[8] ^= 1;
    SecurityCheckException e = assertThrows(SecurityCheckException.class,
        () -> MessageCipher.decrypt(KEY, 0, wire, 0, wire.length));
    assertEquals("msg_key mismatch", e.getMessage());
  }

  @Test
  void tamperedCiphertextIsRejected() {
    byte[] wire = MessageCipher.encrypt(KEY, 0, range(64), 0, 64, RND);
    wire[wire.length - 1] ^= (byte) 0x80;
    assertThrows(SecurityCheckException.class, () -> MessageCipher.decrypt(KEY, 0, wire, 0, wire.length));
    assertThrows(SecurityCheckException.class, () -> MessageCipher.decryptInPlace(KEY, 0, wire, 0, wire.length));
  }

  @Test
  void foreignAuthKeyIdAndBadLengthsAreRejected() {
    byte[] wire = MessageCipher.encrypt(KEY, 0, range(64), 0, 64, RND);
    AuthKey other = new AuthKey(hex("ab".repeat(256)));
    assertEquals("auth_key_id mismatch",
        assertThrows(SecurityCheckException.class, () -> MessageCipher.decrypt(other, 0, wire, 0, wire.length))
            .getMessage());
    assertThrows(SecurityCheckException.class, () -> MessageCipher.decrypt(KEY, 0, wire, 0, wire.length - 8));
    assertThrows(SecurityCheckException.class, () -> MessageCipher.decrypt(KEY, 0, wire, 0, 24));
  }

  @Test
  void inPlaceEncryptionFillsTheEnvelopeItWasSizedFor() {
    for (int len = 0; len < 100; len += 4) {
      byte[] envelope = new byte[MessageCipher.envelopeLength(len, RND)];
      System.arraycopy(range(len), 0, envelope, MessageCipher.HEADER, len);
      MessageCipher.encryptInPlace(KEY, 8, envelope, len, RND);
      MessageCipher.decryptInPlace(KEY, 8, envelope, 0, envelope.length);
      assertArrayEquals(range(len), Arrays.copyOfRange(envelope, MessageCipher.HEADER, MessageCipher.HEADER + len));
    }
    assertThrows(IllegalArgumentException.class,
        () -> MessageCipher.encryptInPlace(KEY, 0, new byte[24 + 4 + 11], 4, RND));
    assertThrows(IllegalArgumentException.class,
        () -> MessageCipher.encryptInPlace(KEY, 0, new byte[24 + 4 + 13], 4, RND));
  }

  @Test
  void explicitPaddingMustBeValid() {
    assertThrows(IllegalArgumentException.class,
        () -> MessageCipher.encryptWithPadding(KEY, 0, range(4), 0, 4, new byte[11]));
    assertThrows(IllegalArgumentException.class,
        () -> MessageCipher.encryptWithPadding(KEY, 0, range(4), 0, 4, new byte[13]));
  }

  /** The bind message layout of VECTORS §9: random(16) ‖ msg_id ‖ seqno=0 ‖ len=40 ‖ bind_auth_key_inner(40). */
  @Test
  void v1BindMessageRoundTrip() {
    byte[] plain = new byte[32 + 40];
    RND.nextBytes(plain);
    Bytes.putLongLe(plain, 24, 40L << 32); // seqno 0, length 40
    byte[] wire = MessageCipher.encryptV1(KEY, plain, RND);
    assertEquals(24 + 80, wire.length);
    assertEquals(KEY.id(), Bytes.getLongLe(wire, 0));
    assertArrayEquals(Kdf.msgKeyV1(plain), Arrays.copyOfRange(wire, 8, 24));
    assertArrayEquals(plain, MessageCipher.decryptV1(KEY, wire, 0, wire.length));

    byte[] tampered = wire.clone();
    tampered[40] ^= 1;
    assertThrows(SecurityCheckException.class, () -> MessageCipher.decryptV1(KEY, tampered, 0, tampered.length));
    byte[] badKey = wire.clone();
    badKey[23] ^= 1;
    assertThrows(SecurityCheckException.class, () -> MessageCipher.decryptV1(KEY, badKey, 0, badKey.length));
  }

  @Test
  void v1RejectsInconsistentLengthField() {
    byte[] plain = new byte[32 + 40];
    Bytes.putLongLe(plain, 24, 80L << 32); // claims more body than present
    byte[] wire = MessageCipher.encryptV1(KEY, plain, RND);
    assertThrows(SecurityCheckException.class, () -> MessageCipher.decryptV1(KEY, wire, 0, wire.length));
  }

  private static byte[] serverWire() {
    return hex("7a7183c2c10e4f4df945fa9a9abd35e7c3840b61f045304f39674c19c0e20978"
        + "4f50f6226a073529d675c92cbf0bfa8c99a79b3f39c72a5d9a026d431ab7407c"
        + "a04ecc55187d6c45f17871524edd90cea02ed728e14d7cb18aea2a636158f094"
        + "59a9437710d894c79f368c4e8164b7647ea98612aefe942c5d92121acb8db02d"
        + "ccceb66d0f8720ac12a06db0582bfd955be34f365118e3bab8cd080ce6b45b28"
        + "eac56dcd2a29374e");
  }
}
