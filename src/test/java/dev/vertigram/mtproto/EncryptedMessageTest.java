package dev.vertigram.mtproto;

import dev.vertigram.crypto.AuthKey;
import dev.vertigram.crypto.SecurityCheckException;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.List;

import static dev.vertigram.mtproto.MtprotoPrimitivesTest.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EncryptedMessageTest {

  // VECTORS §2b: a real server message (container with new_session_created and pong).
  static final String AUTH_KEY = "5d2e7d65f49ec28bd029a88761ea27b8a4c79f12226525443e7d7c596ef33035"
      + "30db2107e89aa997c7a0164ab694187adeff156bd6ef7118a1962347753c0e7e"
      + "89a0354b8ec364f9997e71bc6923fb86e8e43491e010606a6ce845e2fa019409"
      + "77ef0aa32adf5a97dbf6d428ec0434d717a2d3ad19622cc05887642113c7965f"
      + "fb862a3e3ccb0ab95addda57f89245dbd76b492348f8e94bd5a7c0e0b8480852"
      + "3cfd1ea80b32fe9ad198bc2e103fceb7d52492ecc0273a28674bc923eee59265"
      + "ab17a002df1f4aa2c59b819a5e5e1d105ec117336f5c76c6b187037d4b4270ce"
      + "e9cc21071d97e9bca220c6d7b01b998cf2e5cdb9a50ecda1852a36e635690c8e";
  static final String CIPHERTEXT = "7a7183c2c10e4f4df945fa9a9abd35e7c3840b61f045304f39674c19c0e20978"
      + "4f50f6226a073529d675c92cbf0bfa8c99a79b3f39c72a5d9a026d431ab7407c"
      + "a04ecc55187d6c45f17871524edd90cea02ed728e14d7cb18aea2a636158f094"
      + "59a9437710d894c79f368c4e8164b7647ea98612aefe942c5d92121acb8db02d"
      + "ccceb66d0f8720ac12a06db0582bfd955be34f365118e3bab8cd080ce6b45b28"
      + "eac56dcd2a29374e";

  @Test
  void decryptsTheServerVector() {
    AuthKey key = new AuthKey(hex(AUTH_KEY));
    Buffer frame = Buffer.buffer(hex(CIPHERTEXT));
    assertEquals(key.id(), EncryptedMessage.authKeyId(frame));
    EncryptedMessage.Envelope env = EncryptedMessage.decrypt(key, EncryptedMessage.SERVER_TO_CLIENT, frame);
    assertEquals(Buffer.buffer(hex("fc826a02248b28fd")).getLongLE(0), env.salt());
    assertEquals(Buffer.buffer(hex("60f2c4822443ad68")).getLongLE(0), env.sessionId());
    MtMessage container = env.message();
    assertEquals(Buffer.buffer(hex("01f0c1c2918b305e")).getLongLE(0), container.msgId());
    assertEquals(2, container.seqno());
    List<MtMessage> inner = MsgContainer.unpack(container.body(), container.msgId());
    assertEquals(2, inner.size());
    assertEquals(0x9ec20908, inner.get(0).constructorId()); // new_session_created
    assertTrue(inner.get(0).contentRelated());
    assertEquals(0x347773c5, inner.get(1).constructorId()); // pong
    assertEquals(2, inner.get(1).seqno());
  }

  @Test
  void roundTripsBothDirectionsAndRejectsTampering() {
    SecureRandom random = new SecureRandom();
    byte[] raw = new byte[256];
    random.nextBytes(raw);
    AuthKey key = new AuthKey(raw);
    for (int size : new int[] {4, 8, 16, 100, 1024, 65_536}) {
      byte[] body = new byte[size];
      random.nextBytes(body);
      MtMessage m = new MtMessage(12345L << 32, 7, Buffer.buffer(body));
      for (int x : new int[] {EncryptedMessage.CLIENT_TO_SERVER, EncryptedMessage.SERVER_TO_CLIENT}) {
        Buffer wire = EncryptedMessage.encrypt(key, x, 11, 22, m, random);
        assertEquals(0, (wire.length() - 24) % 16);
        EncryptedMessage.Envelope env = EncryptedMessage.decrypt(key, x, wire);
        assertEquals(11, env.salt());
        assertEquals(22, env.sessionId());
        assertEquals(m, env.message());
        int other = x == 0 ? 8 : 0;
        assertThrows(SecurityCheckException.class, () -> EncryptedMessage.decrypt(key, other, wire));
        Buffer flipped = wire.copy();
        flipped.setByte(wire.length() - 1, (byte) (wire.getByte(wire.length() - 1) ^ 1));
        assertThrows(SecurityCheckException.class, () -> EncryptedMessage.decrypt(key, x, flipped));
      }
    }
  }
}
