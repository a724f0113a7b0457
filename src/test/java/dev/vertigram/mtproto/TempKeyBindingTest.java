package dev.vertigram.mtproto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vertigram.crypto.AuthKey;
import dev.vertigram.crypto.Hashes;
import dev.vertigram.crypto.MessageCipher;
import dev.vertigram.tl.TlCodec;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/** auth.bindTempAuthKey: the call's fields and the layout of its MTProto 1.0 encrypted_message (VECTORS §9). */
class TempKeyBindingTest {

  private static final byte[] NONCE = HexFormat.of().parseHex("0102030405060708");
  private static final byte[] INNER_RANDOM = HexFormat.of().parseHex("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf");

  @Test
  void buildsCallWithV1EncryptedBindMessage() {
    SecureRandom real = new SecureRandom();
    AuthKey perm = new AuthKey(bytes(real, 256));
    AuthKey temp = new AuthKey(bytes(real, 256));
    long sessionId = 0x1122334455667788L;
    long msgId = 0x5bbe8e4e00003520L;
    int expiresAt = 1_707_511_505;
    AuthKeyTestRandom random = new AuthKeyTestRandom(real).then(NONCE).then(INNER_RANDOM);

    JsonObject call = TempKeyBinding.bindCall(perm, temp, sessionId, expiresAt, msgId, random);

    assertTrue(random.exhausted());
    long nonce = Buffer.buffer(NONCE).getLongLE(0);
    assertEquals("auth.bindTempAuthKey", call.getString("_"));
    assertEquals(perm.id(), call.getLong("perm_auth_key_id"));
    assertEquals(nonce, call.getLong("nonce"));
    assertEquals(expiresAt, call.getInteger("expires_at"));
    assertEquals(call, TlCodec.api().decode(TlCodec.api().encode(call)), "the call encodes by the schema");

    byte[] wire = call.getBuffer("encrypted_message").getBytes();
    assertEquals(perm.id(), Buffer.buffer(wire).getLongLE(0), "prefixed with perm_auth_key_id");
    int padding = wire.length - 24 - 72;
    assertTrue(padding >= 0 && padding <= 15 && (72 + padding) % 16 == 0, "0..15 bytes of padding, got " + padding);
    byte[] plain = MessageCipher.decryptV1(perm, wire, 0, wire.length);
    assertEquals(72, plain.length, "the unpadded plaintext");
    Buffer message = Buffer.buffer(plain);
    assertArrayEquals(INNER_RANDOM, message.getBytes(0, 16), "random:int128");
    assertEquals(msgId, message.getLongLE(16), "the msg_id of the outer message");
    assertEquals(0, message.getIntLE(24), "seqno");
    assertEquals(40, message.getIntLE(28), "length");
    assertArrayEquals(Arrays.copyOfRange(Hashes.sha1(Arrays.copyOf(plain, 72)), 4, 20), Arrays.copyOfRange(wire, 8, 24),
        "v1 msg_key = SHA1(unpadded plaintext)[4:20]");

    JsonObject inner = TlCodec.api().decode(message.slice(32, 72));
    assertEquals(new JsonObject().put("_", "bind_auth_key_inner").put("nonce", nonce)
        .put("temp_auth_key_id", temp.id()).put("perm_auth_key_id", perm.id())
        .put("temp_session_id", sessionId).put("expires_at", expiresAt), inner);
  }

  private static byte[] bytes(SecureRandom random, int n) {
    byte[] out = new byte[n];
    random.nextBytes(out);
    return out;
  }
}
