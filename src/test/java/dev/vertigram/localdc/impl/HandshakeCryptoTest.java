package dev.vertigram.localdc.impl;

import dev.vertigram.crypto.AuthKey;
import dev.vertigram.crypto.DhChecks;
import dev.vertigram.crypto.RsaKeyPair;
import dev.vertigram.localdc.LocalDcOptions;
import dev.vertigram.tl.TlCodec;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** dh_gen_ok / dh_gen_retry (auth_key_id collision) / dh_gen_fail, which a real client can hardly provoke. */
class HandshakeCryptoTest {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static Vertx vertx;
  private static DcState dc;

  @BeforeAll
  static void setUp() {
    vertx = Vertx.vertx();
    dc = new ServerCore(vertx, new LocalDcOptions().ephemeralPorts(1), RsaKeyPair.generate(RANDOM)).dc(1);
  }

  @AfterAll
  static void tearDown() {
    vertx.close();
  }

  private static HandshakeState state() {
    byte[] nonce = new byte[16];
    byte[] serverNonce = new byte[16];
    RANDOM.nextBytes(nonce);
    RANDOM.nextBytes(serverNonce);
    HandshakeState s = new HandshakeState(nonce, serverNonce, 1_000_003, 1_000_033, 0);
    s.newNonce = new byte[32];
    RANDOM.nextBytes(s.newNonce);
    s.a = new BigInteger(2048, RANDOM);
    s.step = HandshakeState.Step.DH_SENT;
    return s;
  }

  private static String verdict(Buffer answer) {
    return TlCodec.api().decode(answer).getString("_");
  }

  @Test
  void collisionAsksForARetryWithTheAuxHash() {
    HandshakeState s = state();
    BigInteger p = DhChecks.TELEGRAM_PRIME;
    BigInteger gB = BigInteger.valueOf(3).modPow(new BigInteger(2048, RANDOM), p);
    AuthKey colliding = new AuthKey(HandshakeCrypto.unsigned(gB.modPow(s.a, p), 256));
    dc.keys().register(new StoredKey(colliding, false, Long.MAX_VALUE, null));
    HandshakeCrypto crypto = new HandshakeCrypto(dc);
    assertEquals("dh_gen_retry", verdict(crypto.dhGen(s, 0, gB)));
    long aux = Buffer.buffer(colliding.auxHash()).getLongLE(0);
    assertEquals(aux, s.expectedRetryId);
    BigInteger gB2 = BigInteger.valueOf(3).modPow(new BigInteger(2048, RANDOM), p);
    assertEquals("dh_gen_ok", verdict(crypto.dhGen(s, aux, gB2)));
    AuthKey created = new AuthKey(HandshakeCrypto.unsigned(gB2.modPow(s.a, p), 256));
    assertNotNull(dc.keys().find(created.id(), System.currentTimeMillis()));
  }

  @Test
  void wrongRetryIdFails() {
    HandshakeState s = state();
    BigInteger gB = BigInteger.valueOf(3).modPow(new BigInteger(2048, RANDOM), DhChecks.TELEGRAM_PRIME);
    assertEquals("dh_gen_fail", verdict(new HandshakeCrypto(dc).dhGen(s, 12345, gB)));
    assertEquals(HandshakeState.Step.FAILED, s.step);
  }
}
