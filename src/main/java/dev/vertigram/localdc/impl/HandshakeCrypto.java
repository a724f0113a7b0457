package dev.vertigram.localdc.impl;

import dev.vertigram.crypto.AesIge;
import dev.vertigram.crypto.AuthKey;
import dev.vertigram.crypto.DhChecks;
import dev.vertigram.crypto.Hashes;
import dev.vertigram.crypto.Kdf;
import dev.vertigram.crypto.SecurityCheckException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The arithmetic of the server's handshake answers: pq, server_DH_inner_data (g = 3, the standard 2048-bit prime, a
 * random 2048-bit a with g_a in the safe range), and the dh_gen_ok/retry/fail verdict that registers the new key.
 */
final class HandshakeCrypto {

  private static final BigInteger P = DhChecks.TELEGRAM_PRIME;
  private static final int G = 3;

  private final DcState dc;

  HandshakeCrypto(DcState dc) {
    this.dc = dc;
  }

  byte[] random(int n) {
    byte[] b = new byte[n];
    dc.random().nextBytes(b);
    return b;
  }

  /** Two distinct 31-bit primes p < q (so pq fits a positive int64, as the protocol requires). */
  long[] primes() {
    long p;
    long q;
    do {
      p = BigInteger.probablePrime(31, dc.random()).longValueExact();
      q = BigInteger.probablePrime(31, dc.random()).longValueExact();
    } while (p == q);
    return new long[] {Math.min(p, q), Math.max(p, q)};
  }

  /** Minimal big-endian bytes of a positive number (how pq, p and q travel). */
  static byte[] bigEndian(long v) {
    byte[] b = BigInteger.valueOf(v).toByteArray();
    return b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
  }

  /** {@code bytes} of a non-negative number, left-padded to {@code size}. */
  static byte[] unsigned(BigInteger v, int size) {
    byte[] b = v.toByteArray();
    byte[] out = new byte[size];
    int n = Math.min(b.length, size);
    System.arraycopy(b, b.length - n, out, size - n, n);
    return out;
  }

  /** server_DH_params_ok with the encrypted server_DH_inner_data. */
  Buffer serverDhParams(HandshakeState state) {
    byte[] ga;
    if (dc.faults().takeGaOutOfRange()) {
      ga = new byte[] {1};
    } else {
      BigInteger gA = BigInteger.valueOf(G).modPow(state.a, P);
      while (!inSafeRange(gA)) {
        state.a = new BigInteger(2048, dc.random());
        gA = BigInteger.valueOf(G).modPow(state.a, P);
      }
      ga = unsigned(gA, 256);
    }
    byte[] answer = dc.codec().encode(new JsonObject().put("_", "server_DH_inner_data")
        .put("nonce", Buffer.buffer(state.nonce)).put("server_nonce", Buffer.buffer(state.serverNonce)).put("g", G)
        .put("dh_prime", Buffer.buffer(unsigned(P, 256))).put("g_a", Buffer.buffer(ga))
        .put("server_time", (int) dc.clock().seconds())).getBytes();
    byte[] padding = random((16 - (20 + answer.length) % 16) % 16);
    byte[] plain = concat(Hashes.sha1(answer), answer, padding);
    byte[] encrypted = AesIge.encrypt(state.tmpAesKeyIv.key(), state.tmpAesKeyIv.iv(), plain);
    return dc.codec().encode(new JsonObject().put("_", "server_DH_params_ok").put("nonce", Buffer.buffer(state.nonce))
        .put("server_nonce", Buffer.buffer(state.serverNonce)).put("encrypted_answer", Buffer.buffer(encrypted)));
  }

  private static boolean inSafeRange(BigInteger g) {
    try {
      DhChecks.checkGa(g, P);
      return true;
    } catch (SecurityCheckException e) {
      return false;
    }
  }

  /**
   * The verdict on client_DH_inner_data: dh_gen_fail for a g_b outside the safe range or a wrong retry_id,
   * dh_gen_retry when the new auth_key_id is taken (the client retries with retry_id = that key's aux hash),
   * otherwise dh_gen_ok with the key registered.
   */
  Buffer dhGen(HandshakeState state, long retryId, BigInteger gB) {
    AuthKey key = new AuthKey(unsigned(gB.modPow(state.a, P), 256));
    long auxHash = Buffer.buffer(key.auxHash()).getLongLE(0);
    String verdict;
    int n;
    if (!inSafeRange(gB) || retryId != state.expectedRetryId) {
      verdict = "dh_gen_fail";
      n = 3;
      state.step = HandshakeState.Step.FAILED;
    } else if (!dc.keys().register(newKey(state, key))) {
      verdict = "dh_gen_retry";
      n = 2;
      state.expectedRetryId = auxHash;
    } else {
      verdict = "dh_gen_ok";
      n = 1;
      state.step = HandshakeState.Step.DONE;
    }
    return dc.codec().encode(new JsonObject().put("_", verdict).put("nonce", Buffer.buffer(state.nonce))
        .put("server_nonce", Buffer.buffer(state.serverNonce))
        .put("new_nonce_hash" + n, Buffer.buffer(Kdf.newNonceHash(state.newNonce, n, key.auxHash()))));
  }

  private StoredKey newKey(HandshakeState state, AuthKey key) {
    long now = dc.clock().millis();
    long ttl = Math.min(state.expiresIn, dc.core().options().tempKeyMaxTtlSeconds());
    ServerSalts salts = new ServerSalts(Kdf.initialSalt(state.newNonce, state.serverNonce), now / 1000, dc.random());
    return new StoredKey(key, state.temp, state.temp ? now + ttl * 1000L : Long.MAX_VALUE, salts);
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int pos = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, pos, p.length);
      pos += p.length;
    }
    return out;
  }
}
