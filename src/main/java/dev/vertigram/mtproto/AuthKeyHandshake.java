package dev.vertigram.mtproto;

import static dev.vertigram.mtproto.AuthKeyMessages.TL;
import static dev.vertigram.mtproto.AuthKeyMessages.bytes;
import static dev.vertigram.mtproto.AuthKeyMessages.checkDhValue;
import static dev.vertigram.mtproto.AuthKeyMessages.checkEqual;
import static dev.vertigram.mtproto.AuthKeyMessages.checkNonces;
import static dev.vertigram.mtproto.AuthKeyMessages.minimalBigEndian;
import static dev.vertigram.mtproto.AuthKeyMessages.randomBytes;

import dev.vertigram.crypto.AesIge;
import dev.vertigram.crypto.DhChecks;
import dev.vertigram.crypto.Hashes;
import dev.vertigram.crypto.Kdf;
import dev.vertigram.crypto.PqFactorizer;
import dev.vertigram.crypto.RsaKey;
import dev.vertigram.crypto.SecurityCheckException;
import dev.vertigram.tl.TlException;
import dev.vertigram.tl.TlReader;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;

/**
 * The first two round trips of one exchange attempt: req_pq_multi → resPQ and req_DH_params → server_DH_params, with
 * every client-side check of the security guidelines. Consumes from the generator, in this order: nonce (16 bytes),
 * new_nonce (32 bytes), then whatever {@link RsaKey#encryptRsaPad} draws. Not thread-safe: one instance per attempt.
 */
final class AuthKeyHandshake {

  private final Map<Long, RsaKey> trustedKeys;
  private final SecureRandom random;
  private final int dcId;
  private final int expiresIn;
  private final byte[] nonce;
  private byte[] serverNonce;
  private byte[] newNonce;

  AuthKeyHandshake(Map<Long, RsaKey> trustedKeys, SecureRandom random, int dcId, int expiresIn) {
    this.trustedKeys = trustedKeys;
    this.random = random;
    this.dcId = dcId;
    this.expiresIn = expiresIn;
    this.nonce = randomBytes(random, 16);
  }

  /** The req_pq_multi body. */
  Buffer reqPqMulti() {
    return TL.encode(new JsonObject().put("_", "req_pq_multi").put("nonce", nonce));
  }

  /** Checks resPQ, factors pq, and builds the req_DH_params body (p_q_inner_data_dc or _temp_dc under RSA_PAD). */
  Buffer onResPq(Buffer body) {
    JsonObject resPq = AuthKeyMessages.decode(body, "req_pq_multi", "resPQ");
    checkEqual(resPq, "nonce", nonce);
    serverNonce = bytes(resPq, "server_nonce");
    RsaKey key = pickKey(resPq.getJsonArray("server_public_key_fingerprints"));
    byte[] pq = bytes(resPq, "pq");
    long[] factors = factor(pq);
    byte[] p = minimalBigEndian(factors[0]);
    byte[] q = minimalBigEndian(factors[1]);
    newNonce = randomBytes(random, 32);
    JsonObject inner = new JsonObject()
        .put("_", expiresIn == 0 ? "p_q_inner_data_dc" : "p_q_inner_data_temp_dc")
        .put("pq", pq).put("p", p).put("q", q)
        .put("nonce", nonce).put("server_nonce", serverNonce).put("new_nonce", newNonce)
        .put("dc", dcId);
    if (expiresIn != 0) {
      inner.put("expires_in", expiresIn);
    }
    byte[] encrypted = key.encryptRsaPad(TL.encode(inner).getBytes(), random);
    return TL.encode(new JsonObject().put("_", "req_DH_params")
        .put("nonce", nonce).put("server_nonce", serverNonce).put("p", p).put("q", q)
        .put("public_key_fingerprint", key.fingerprint()).put("encrypted_data", encrypted));
  }

  /**
   * Checks server_DH_params_ok, decrypts and checks server_DH_inner_data (answer hash, nonces, dh_prime, g, g_a) and
   * returns the state for the client_DH_inner_data round trip.
   */
  AuthKeyDh onServerDhParams(Buffer body) {
    JsonObject answer = AuthKeyMessages.decode(body, "req_DH_params", "server_DH_params_ok", "server_DH_params_fail");
    checkNonces(answer, nonce, serverNonce);
    if ("server_DH_params_fail".equals(answer.getString("_"))) {
      byte[] sha1 = Hashes.sha1(newNonce);
      checkEqual(answer, "new_nonce_hash", Arrays.copyOfRange(sha1, 4, 20));
      throw new MtprotoException("the server refused req_DH_params (server_DH_params_fail)");
    }
    Kdf.KeyIv tmp = Kdf.tmpAesKeyIv(serverNonce, newNonce);
    JsonObject inner = decryptAnswer(bytes(answer, "encrypted_answer"), tmp);
    checkNonces(inner, nonce, serverNonce);
    int g = inner.getInteger("g");
    BigInteger dhPrime = new BigInteger(1, bytes(inner, "dh_prime"));
    BigInteger ga = new BigInteger(1, bytes(inner, "g_a"));
    try {
      DhChecks.checkDhParams(dhPrime, g);
    } catch (SecurityCheckException e) {
      throw new SecurityCheckException("server_DH_inner_data: " + e.getMessage());
    }
    checkDhValue(ga, dhPrime, "server_DH_inner_data: g_a");
    return new AuthKeyDh(random, nonce, serverNonce, newNonce, tmp, g, dhPrime, ga,
        inner.getInteger("server_time"), expiresIn);
  }

  private RsaKey pickKey(JsonArray fingerprints) {
    for (int i = 0; i < fingerprints.size(); i++) {
      RsaKey key = trustedKeys.get(fingerprints.getLong(i));
      if (key != null) {
        return key;
      }
    }
    throw new SecurityCheckException("resPQ: none of the server's RSA key fingerprints " + fingerprints
        + " is trusted (trusted: " + trustedKeys.keySet() + ")");
  }

  /** Checks that pq fits 64 bits and factors it into 1 < p < q with p·q = pq. */
  private static long[] factor(byte[] pqBytes) {
    if (pqBytes.length == 0 || pqBytes.length > 8) {
      throw new SecurityCheckException("resPQ: pq is " + pqBytes.length + " bytes, must be 1..8");
    }
    long pq = new BigInteger(1, pqBytes).longValue();
    if (pq < 6) { // also rejects values ≥ 2^63 (negative as a long)
      throw new SecurityCheckException("resPQ: pq " + Long.toUnsignedString(pq) + " is out of range");
    }
    long[] pAndQ;
    try {
      pAndQ = PqFactorizer.factor(pq);
    } catch (RuntimeException e) {
      throw new SecurityCheckException("resPQ: pq " + pq + " cannot be factored: " + e.getMessage());
    }
    long p = pAndQ[0];
    long q = pAndQ[1];
    if (p <= 1 || q <= p || pq % p != 0 || pq / p != q) {
      throw new SecurityCheckException("resPQ: pq " + pq + " does not factor into 1 < p < q");
    }
    return pAndQ;
  }

  /**
   * Decrypts {@code SHA1(answer) ‖ answer ‖ padding} and checks the hash over the TL length of the answer only, with
   * 0..15 bytes of padding.
   */
  private static JsonObject decryptAnswer(byte[] encrypted, Kdf.KeyIv tmp) {
    if (encrypted.length < 32 || encrypted.length % 16 != 0) {
      throw new SecurityCheckException("server_DH_params_ok: encrypted_answer length " + encrypted.length
          + " is not a positive multiple of 16");
    }
    byte[] plain = AesIge.decrypt(tmp.key(), tmp.iv(), encrypted);
    TlReader reader = new TlReader(plain);
    reader.position(20);
    JsonObject inner;
    try {
      inner = TL.decode(reader);
    } catch (TlException e) {
      throw new SecurityCheckException("server_DH_params_ok: encrypted_answer does not decrypt to a TL object");
    }
    int end = reader.position();
    if (plain.length - end > 15) {
      throw new SecurityCheckException("server_DH_params_ok: " + (plain.length - end)
          + " bytes of padding after the answer, at most 15 allowed");
    }
    byte[] hash = Hashes.sha1(Arrays.copyOfRange(plain, 20, end));
    if (!MessageDigest.isEqual(hash, Arrays.copyOf(plain, 20))) {
      throw new SecurityCheckException("server_DH_params_ok: SHA1 of the decrypted answer does not match");
    }
    if (!"server_DH_inner_data".equals(inner.getString("_"))) {
      throw new SecurityCheckException("server_DH_params_ok: encrypted_answer holds " + inner.getString("_")
          + ", expected server_DH_inner_data");
    }
    return inner;
  }
}
