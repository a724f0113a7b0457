package dev.vertigram.mtproto;

import static dev.vertigram.mtproto.AuthKeyMessages.TL;
import static dev.vertigram.mtproto.AuthKeyMessages.checkDhValue;
import static dev.vertigram.mtproto.AuthKeyMessages.checkEqual;
import static dev.vertigram.mtproto.AuthKeyMessages.checkNonces;
import static dev.vertigram.mtproto.AuthKeyMessages.fixedBigEndian;
import static dev.vertigram.mtproto.AuthKeyMessages.randomBytes;

import dev.vertigram.crypto.AesIge;
import dev.vertigram.crypto.AuthKey;
import dev.vertigram.crypto.Hashes;
import dev.vertigram.crypto.Kdf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * The last round trip of one exchange attempt: set_client_DH_params → dh_gen_ok / dh_gen_retry / dh_gen_fail, built on
 * the checked server_DH_inner_data. Each {@link #request} draws, in this order, b (256 bytes) and then the 0..15
 * padding bytes of client_DH_inner_data (no draw when the padding is empty).
 */
final class AuthKeyDh {

  /** What the server answered to set_client_DH_params, after the nonce and new_nonce_hash checks. */
  enum Outcome { OK, RETRY, FAIL }

  /** One set_client_DH_params body and the auth key it leads to if the server accepts it. */
  record Request(Buffer body, AuthKey key) {
  }

  private static final int DH_BYTES = 256;
  private static final String[] ANSWERS = {"dh_gen_ok", "dh_gen_retry", "dh_gen_fail"};

  private final SecureRandom random;
  private final byte[] nonce;
  private final byte[] serverNonce;
  private final byte[] newNonce;
  private final Kdf.KeyIv tmp;
  private final BigInteger g;
  private final BigInteger dhPrime;
  private final BigInteger ga;
  private final int serverTime;
  private final int expiresIn;

  AuthKeyDh(SecureRandom random, byte[] nonce, byte[] serverNonce, byte[] newNonce, Kdf.KeyIv tmp, int g,
      BigInteger dhPrime, BigInteger ga, int serverTime, int expiresIn) {
    this.random = random;
    this.nonce = nonce;
    this.serverNonce = serverNonce;
    this.newNonce = newNonce;
    this.tmp = tmp;
    this.g = BigInteger.valueOf(g);
    this.dhPrime = dhPrime;
    this.ga = ga;
    this.serverTime = serverTime;
    this.expiresIn = expiresIn;
  }

  /** A fresh b, g_b (range-checked) and auth key, and the set_client_DH_params body carrying g_b. */
  Request request(long retryId) {
    BigInteger b = new BigInteger(1, randomBytes(random, DH_BYTES));
    BigInteger gb = g.modPow(b, dhPrime);
    checkDhValue(gb, dhPrime, "client_DH_inner_data: g_b");
    AuthKey key = new AuthKey(fixedBigEndian(ga.modPow(b, dhPrime), DH_BYTES));
    byte[] inner = TL.encode(new JsonObject().put("_", "client_DH_inner_data")
        .put("nonce", nonce).put("server_nonce", serverNonce).put("retry_id", retryId)
        .put("g_b", fixedBigEndian(gb, DH_BYTES))).getBytes();
    int padding = (16 - (20 + inner.length) % 16) % 16;
    Buffer dataWithHash = Buffer.buffer(20 + inner.length + padding)
        .appendBytes(Hashes.sha1(inner)).appendBytes(inner);
    if (padding > 0) {
      dataWithHash.appendBytes(randomBytes(random, padding));
    }
    byte[] encrypted = AesIge.encrypt(tmp.key(), tmp.iv(), dataWithHash.getBytes());
    Buffer body = TL.encode(new JsonObject().put("_", "set_client_DH_params")
        .put("nonce", nonce).put("server_nonce", serverNonce).put("encrypted_data", encrypted));
    return new Request(body, key);
  }

  /** Checks the answer's nonces and its new_nonce_hash1/2/3 against the key of {@code request}. */
  Outcome onAnswer(Buffer body, Request request) {
    JsonObject answer = AuthKeyMessages.decode(body, "set_client_DH_params", ANSWERS);
    checkNonces(answer, nonce, serverNonce);
    int n = switch (answer.getString("_")) {
      case "dh_gen_ok" -> 1;
      case "dh_gen_retry" -> 2;
      default -> 3;
    };
    checkEqual(answer, "new_nonce_hash" + n, Kdf.newNonceHash(newNonce, n, request.key().auxHash()));
    return Outcome.values()[n - 1];
  }

  /** The result for an accepted key. */
  AuthKeyResult result(AuthKey key) {
    return new AuthKeyResult(key, Kdf.initialSalt(newNonce, serverNonce), serverTime,
        expiresIn == 0 ? 0 : serverTime + expiresIn);
  }
}
