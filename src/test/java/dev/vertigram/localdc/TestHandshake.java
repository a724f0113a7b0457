package dev.vertigram.localdc;

import dev.vertigram.crypto.AesIge;
import dev.vertigram.crypto.AuthKey;
import dev.vertigram.crypto.DhChecks;
import dev.vertigram.crypto.Hashes;
import dev.vertigram.crypto.Kdf;
import dev.vertigram.crypto.PqFactorizer;
import dev.vertigram.crypto.RsaKey;
import dev.vertigram.mtproto.MessageIdClock;
import dev.vertigram.mtproto.PlainMessage;
import dev.vertigram.tl.TlCodec;
import dev.vertigram.tl.TlReader;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The client side of the auth key exchange, step by step, with knobs to misbehave: the inner data kind (with or
 * without dc, temporary), legacy RSA padding, the fingerprint, a tamper hook on the encrypted data.
 */
final class TestHandshake {

  static final SecureRandom RANDOM = new SecureRandom();
  static final TlCodec CODEC = TlCodec.api();

  final TestConnection conn;
  final RsaKey rsa;
  final MessageIdClock clock = new MessageIdClock();
  byte[] nonce = random(16);
  byte[] serverNonce;
  byte[] newNonce = random(32);
  byte[] pq;
  byte[] p;
  byte[] q;
  /** null = p_q_inner_data(_temp) without dc. */
  Integer dc;
  /** > 0 = temporary key. */
  int expiresIn;
  boolean legacyRsa;
  Long fingerprint;
  boolean corruptEncryptedData;
  long retryId;
  BigInteger gA;
  int serverTime;
  Kdf.KeyIv tmp;
  AuthKey key;

  TestHandshake(TestConnection conn, RsaKey rsa, Integer dc) {
    this.conn = conn;
    this.rsa = rsa;
    this.dc = dc;
  }

  static byte[] random(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  /** Sends an unencrypted request and returns the raw answer body. */
  Buffer plain(Buffer request) throws InterruptedException {
    conn.send(PlainMessage.encode(clock.next(0), request));
    return PlainMessage.decode(conn.frame()).body();
  }

  Buffer reqPqRequest() {
    return CODEC.encode(new JsonObject().put("_", "req_pq_multi").put("nonce", Buffer.buffer(nonce)));
  }

  JsonObject reqPq() throws InterruptedException {
    JsonObject res = CODEC.decode(plain(reqPqRequest()));
    assertEquals("resPQ", res.getString("_"));
    serverNonce = res.getBuffer("server_nonce").getBytes();
    pq = res.getBuffer("pq").getBytes();
    long[] factors = PqFactorizer.factor(new BigInteger(1, pq).longValueExact());
    p = BigInteger.valueOf(factors[0]).toByteArray();
    q = BigInteger.valueOf(factors[1]).toByteArray();
    return res;
  }

  Buffer reqDhParamsRequest() {
    String kind = "p_q_inner_data" + (expiresIn > 0 ? "_temp" : "") + (dc != null ? "_dc" : "");
    JsonObject inner = new JsonObject().put("_", kind).put("pq", Buffer.buffer(pq)).put("p", Buffer.buffer(p))
        .put("q", Buffer.buffer(q)).put("nonce", Buffer.buffer(nonce)).put("server_nonce", Buffer.buffer(serverNonce))
        .put("new_nonce", Buffer.buffer(newNonce));
    if (dc != null) {
      inner.put("dc", dc);
    }
    if (expiresIn > 0) {
      inner.put("expires_in", expiresIn);
    }
    byte[] data = CODEC.encode(inner).getBytes();
    byte[] encrypted = legacyRsa ? rsa.encryptLegacy(data, RANDOM) : rsa.encryptRsaPad(data, RANDOM);
    if (corruptEncryptedData) {
      encrypted[100] ^= 1;
    }
    return CODEC.encode(new JsonObject().put("_", "req_DH_params").put("nonce", Buffer.buffer(nonce))
        .put("server_nonce", Buffer.buffer(serverNonce)).put("p", Buffer.buffer(p)).put("q", Buffer.buffer(q))
        .put("public_key_fingerprint", fingerprint != null ? fingerprint : rsa.fingerprint())
        .put("encrypted_data", Buffer.buffer(encrypted)));
  }

  /** Sends req_DH_params and decrypts server_DH_inner_data (checking its hash, nonces and g_a's range). */
  JsonObject reqDhParams() throws InterruptedException {
    return acceptDhParams(plain(reqDhParamsRequest()));
  }

  /** Checks and decrypts a server_DH_params answer. */
  JsonObject acceptDhParams(Buffer answer) {
    JsonObject res = CODEC.decode(answer);
    assertEquals("server_DH_params_ok", res.getString("_"));
    tmp = Kdf.tmpAesKeyIv(serverNonce, newNonce);
    byte[] plain = AesIge.decrypt(tmp.key(), tmp.iv(), res.getBuffer("encrypted_answer").getBytes());
    byte[] data = Arrays.copyOfRange(plain, 20, plain.length);
    TlReader reader = new TlReader(data);
    JsonObject inner = CODEC.decode(reader);
    assertArrayEquals(Arrays.copyOf(plain, 20), Hashes.sha1(Arrays.copyOf(data, reader.position())));
    assertArrayEquals(nonce, inner.getBuffer("nonce").getBytes());
    assertEquals(3, inner.getInteger("g"));
    gA = new BigInteger(1, inner.getBuffer("g_a").getBytes());
    serverTime = inner.getInteger("server_time");
    clock.syncSeconds(serverTime);
    return inner;
  }

  Buffer setClientDhParamsRequest(BigInteger b) {
    BigInteger gB = BigInteger.valueOf(3).modPow(b, DhChecks.TELEGRAM_PRIME);
    byte[] data = CODEC.encode(new JsonObject().put("_", "client_DH_inner_data").put("nonce", Buffer.buffer(nonce))
        .put("server_nonce", Buffer.buffer(serverNonce)).put("retry_id", retryId)
        .put("g_b", Buffer.buffer(gB.toByteArray()))).getBytes();
    byte[] hash = Hashes.sha1(data);
    byte[] plain = new byte[(20 + data.length + 15) / 16 * 16];
    System.arraycopy(hash, 0, plain, 0, 20);
    System.arraycopy(data, 0, plain, 20, data.length);
    byte[] encrypted = AesIge.encrypt(tmp.key(), tmp.iv(), plain);
    return CODEC.encode(new JsonObject().put("_", "set_client_DH_params").put("nonce", Buffer.buffer(nonce))
        .put("server_nonce", Buffer.buffer(serverNonce)).put("encrypted_data", Buffer.buffer(encrypted)));
  }

  /** The auth key a given b yields. */
  AuthKey keyFor(BigInteger b) {
    byte[] raw = gA.modPow(b, DhChecks.TELEGRAM_PRIME).toByteArray();
    byte[] key = new byte[256];
    int n = Math.min(raw.length, 256);
    System.arraycopy(raw, raw.length - n, key, 256 - n, n);
    return new AuthKey(key);
  }

  /** Sends set_client_DH_params with {@code b}; returns the dh_gen_* answer (its new_nonce_hash checked). */
  JsonObject setClientDhParams(BigInteger b) throws InterruptedException {
    return acceptDhGen(plain(setClientDhParamsRequest(b)), b);
  }

  /** Checks a dh_gen_* answer to a set_client_DH_params made with {@code b}. */
  JsonObject acceptDhGen(Buffer answer, BigInteger b) {
    JsonObject res = CODEC.decode(answer);
    AuthKey candidate = keyFor(b);
    int n = switch (res.getString("_")) {
      case "dh_gen_ok" -> 1;
      case "dh_gen_retry" -> 2;
      default -> 3;
    };
    assertArrayEquals(Kdf.newNonceHash(newNonce, n, candidate.auxHash()),
        res.getBuffer("new_nonce_hash" + n).getBytes());
    if (n == 1) {
      key = candidate;
    }
    return res;
  }

  /** The whole exchange; returns the key. */
  AuthKey run() throws InterruptedException {
    reqPq();
    reqDhParams();
    JsonObject gen = setClientDhParams(new BigInteger(2048, RANDOM));
    assertEquals("dh_gen_ok", gen.getString("_"));
    return key;
  }

  long firstSalt() {
    return Kdf.initialSalt(newNonce, serverNonce);
  }
}
