package dev.vertigram.localdc;

import dev.vertigram.crypto.AuthKey;
import dev.vertigram.transport.TransportErrorException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HandshakeTest extends LocalDcTestBase {

  private TestHandshake handshake(Integer dcField) throws Exception {
    return new TestHandshake(connect(), dc.publicKey(), dcField);
  }

  /** A key works when a call over it is answered. */
  private void assertUsable(TestHandshake hs) throws Exception {
    TestSession s = new TestSession(hs.conn, hs.key, hs.firstSalt(), hs.clock);
    assertEquals("nearestDc", s.call(q("help.getNearestDc")).getString("_"));
  }

  @Test
  void resPqListsTheOwnFingerprintAndAFreshPq() throws Exception {
    TestHandshake hs = handshake(1);
    JsonObject res = hs.reqPq();
    assertTrue(res.getJsonArray("server_public_key_fingerprints").contains(dc.publicKey().fingerprint()));
    assertTrue(res.getJsonArray("server_public_key_fingerprints").size() > 1, "several fingerprints listed");
    BigInteger p = new BigInteger(1, hs.p);
    BigInteger q = new BigInteger(1, hs.q);
    assertTrue(p.compareTo(q) < 0 && p.isProbablePrime(40) && q.isProbablePrime(40));
    assertEquals(31, p.bitLength());
    assertEquals(8, hs.pq.length);
    TestHandshake other = handshake(1);
    other.reqPq();
    assertNotEquals(new BigInteger(1, hs.pq), new BigInteger(1, other.pq));
  }

  @Test
  void permanentKeyWithDc() throws Exception {
    TestHandshake hs = handshake(1);
    hs.run();
    assertTrue(Math.abs(hs.serverTime - System.currentTimeMillis() / 1000) <= 2);
    assertUsable(hs);
  }

  @Test
  void permanentKeyWithoutDcAndTestAndMediaDcIds() throws Exception {
    for (Integer dcField : new Integer[] {null, 10001, -1, -10001}) {
      TestHandshake hs = handshake(dcField);
      hs.run();
      assertUsable(hs);
    }
  }

  @Test
  void legacyRsaPadding() throws Exception {
    TestHandshake hs = handshake(1);
    hs.legacyRsa = true;
    hs.run();
    assertUsable(hs);
  }

  @Test
  void temporaryKeyExpires() throws Exception {
    TestHandshake hs = handshake(1);
    hs.expiresIn = 1;
    hs.run();
    assertUsable(hs);
    Thread.sleep(1100);
    TestSession s = new TestSession(hs.conn, hs.key, hs.firstSalt(), hs.clock);
    s.send(q("help.getNearestDc"));
    assertEquals(-404, hs.conn.transportError());
  }

  @Test
  void temporaryKeyWithoutDc() throws Exception {
    TestHandshake hs = handshake(null);
    hs.expiresIn = 60;
    hs.run();
    assertUsable(hs);
  }

  @Test
  void identicalRepeatedRequestsGetIdenticalAnswers() throws Exception {
    TestHandshake hs = handshake(1);
    Buffer pqAnswer = hs.plain(hs.reqPqRequest());
    hs.reqPq();
    Buffer request = hs.reqDhParamsRequest();
    Buffer first = hs.plain(request);
    assertEquals(first, hs.plain(request));
    assertEquals(pqAnswer, hs.plain(hs.reqPqRequest()));
    hs.acceptDhParams(first);
    BigInteger b = new BigInteger(2048, TestHandshake.RANDOM);
    Buffer setRequest = hs.setClientDhParamsRequest(b);
    Buffer gen = hs.plain(setRequest);
    assertEquals(gen, hs.plain(setRequest));
    assertEquals("dh_gen_ok", hs.acceptDhGen(gen, b).getString("_"));
    assertUsable(hs);
    // a different request for the same nonce after that is refused
    assertEquals(-404, assertThrows(TransportErrorException.class, hs::reqDhParams).code());
  }

  @Test
  void unknownFingerprintIsRefusedAndKillsTheHandshake() throws Exception {
    TestHandshake hs = handshake(1);
    hs.reqPq();
    hs.fingerprint = hs.rsa.fingerprint() + 1;
    assertEquals(-404, assertThrows(TransportErrorException.class, hs::reqDhParams).code());
    hs.fingerprint = null;
    assertEquals(-404, assertThrows(TransportErrorException.class, hs::reqDhParams).code());
  }

  @Test
  void corruptedEncryptedDataIsRefused() throws Exception {
    for (boolean legacy : new boolean[] {false, true}) {
      TestHandshake hs = handshake(1);
      hs.reqPq();
      hs.legacyRsa = legacy;
      hs.corruptEncryptedData = true;
      assertEquals(-404, assertThrows(TransportErrorException.class, hs::reqDhParams).code());
    }
  }

  @Test
  void wrongDcIsRefusedWith444() throws Exception {
    for (int dcField : new int[] {2, 3, 10002, 7}) {
      TestHandshake hs = handshake(dcField);
      hs.reqPq();
      assertEquals(-444, assertThrows(TransportErrorException.class, hs::reqDhParams).code());
    }
  }

  @Test
  void unknownNonceAndOutOfOrderRequestsAreRefused() throws Exception {
    TestHandshake hs = handshake(1);
    hs.reqPq();
    TestHandshake stranger = new TestHandshake(hs.conn, dc.publicKey(), 1);
    stranger.serverNonce = hs.serverNonce;
    stranger.pq = hs.pq;
    stranger.p = hs.p;
    stranger.q = hs.q;
    assertEquals(-404, assertThrows(TransportErrorException.class, stranger::reqDhParams).code());
    hs.tmp = dev.vertigram.crypto.Kdf.tmpAesKeyIv(hs.serverNonce, hs.newNonce);
    hs.gA = BigInteger.valueOf(5);
    assertEquals(-404, assertThrows(TransportErrorException.class,
        () -> hs.setClientDhParams(BigInteger.TEN)).code());
  }

  @Test
  void gBOutOfRangeFails() throws Exception {
    TestHandshake hs = handshake(1);
    hs.reqPq();
    hs.reqDhParams();
    JsonObject gen = hs.setClientDhParams(BigInteger.ZERO); // g_b = 1
    assertEquals("dh_gen_fail", gen.getString("_"));
    assertEquals(-404, assertThrows(TransportErrorException.class,
        () -> hs.setClientDhParams(BigInteger.TWO.pow(2000))).code());
  }

  @Test
  void garbageBeforeAKeyIsRefused() throws Exception {
    TestConnection c = connect();
    c.send(Buffer.buffer(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}));
    assertEquals(-404, c.transportError());
    AuthKey key = new TestHandshake(c, dc.publicKey(), 1).run();
    assertTrue(key.id() != 0, "the connection still works after the refusal");
  }
}
