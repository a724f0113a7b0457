package dev.vertigram.mtproto;

import static dev.vertigram.mtproto.AuthKeyMessages.TL;
import static dev.vertigram.mtproto.AuthKeyMessages.bytes;
import static dev.vertigram.mtproto.AuthKeyMessages.fixedBigEndian;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vertigram.crypto.AesIge;
import dev.vertigram.crypto.AuthKey;
import dev.vertigram.crypto.DhChecks;
import dev.vertigram.crypto.Hashes;
import dev.vertigram.crypto.Kdf;
import dev.vertigram.crypto.RsaKeyPair;
import dev.vertigram.tl.TlReader;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A scripted server side of the auth key exchange, built from the crypto primitives (its own RSA key pair, the
 * Telegram prime, g = 3), that plays the protocol correctly unless a test flips one of its switches. It answers
 * synchronously, so the client's Future is complete when {@code create} returns.
 */
final class AuthKeyTestServer implements PlainChannel {

  /** The server's RSA key pair, shared by all tests (generating one takes a while). */
  static final RsaKeyPair KEY_PAIR = RsaKeyPair.generate(new SecureRandom());
  /** A fingerprint the client does not know, listed before the real one. */
  static final long UNKNOWN_FINGERPRINT = 0x0bc35f3509f7b7a5L;
  static final int SERVER_TIME = 1_707_425_105;

  private static final BigInteger P = DhChecks.TELEGRAM_PRIME;
  private static final BigInteger G = BigInteger.valueOf(3);

  private final SecureRandom random = new SecureRandom();

  /** Rewrites resPQ before it is sent. */
  UnaryOperator<JsonObject> resPqHook = UnaryOperator.identity();
  /** Rewrites server_DH_inner_data before it is hashed and encrypted. */
  UnaryOperator<JsonObject> innerHook = UnaryOperator.identity();
  /** Rewrites server_DH_params_ok/_fail before it is sent. */
  UnaryOperator<JsonObject> dhParamsHook = UnaryOperator.identity();
  /** Rewrites dh_gen_ok/_retry/_fail before it is sent. */
  UnaryOperator<JsonObject> dhGenHook = UnaryOperator.identity();
  /** Flips a bit of SHA1(answer) in answer_with_hash. */
  boolean corruptAnswerHash;
  /** Adds 16 bytes to the padding of answer_with_hash (keeping the hash right). */
  boolean overPadAnswer;
  /** Answers req_DH_params with server_DH_params_fail (with a correct new_nonce_hash). */
  boolean refuseDhParams;
  /** dh_gen_retry answers to give before accepting a key. */
  int retries;
  /** dh_gen_fail answers to give before accepting a key. */
  int fails;

  /** Names of the requests received, in order. */
  final List<String> requests = new ArrayList<>();
  /** retry_id of every client_DH_inner_data received. */
  final List<Long> retryIds = new ArrayList<>();
  /** Every auth key computed on the server side, in order (the last one is the accepted one on success). */
  final List<byte[]> keys = new ArrayList<>();
  /** The last p_q_inner_data received. */
  JsonObject pqInnerData;

  private byte[] nonce;
  private byte[] serverNonce;
  private byte[] newNonce;
  private BigInteger a;
  private Kdf.KeyIv tmp;

  @Override
  public Future<Buffer> exchange(Buffer body) {
    JsonObject request = TL.decode(body);
    String name = request.getString("_");
    requests.add(name);
    JsonObject answer = switch (name) {
      case "req_pq_multi" -> resPq(request);
      case "req_DH_params" -> dhParamsHook.apply(dhParams(request));
      case "set_client_DH_params" -> dhGenHook.apply(dhGen(request));
      default -> throw new AssertionError("unexpected request " + name);
    };
    return Future.succeededFuture(TL.encode(answer));
  }

  /** The first server salt the client should derive. */
  long expectedSalt() {
    return Kdf.initialSalt(newNonce, serverNonce);
  }

  /** Hex of the exchange's nonces, which must never appear in an error message. */
  List<String> secretsHex() {
    return List.of(HexFormat.of().formatHex(nonce), HexFormat.of().formatHex(serverNonce),
        HexFormat.of().formatHex(newNonce == null ? new byte[0] : newNonce));
  }

  private JsonObject resPq(JsonObject request) {
    nonce = bytes(request, "nonce");
    serverNonce = randomBytes(16);
    newNonce = null;
    BigInteger p = BigInteger.probablePrime(31, random);
    BigInteger q = BigInteger.probablePrime(31, random);
    while (q.equals(p)) {
      q = BigInteger.probablePrime(31, random);
    }
    long pq = p.multiply(q).longValueExact();
    return resPqHook.apply(new JsonObject().put("_", "resPQ")
        .put("nonce", nonce).put("server_nonce", serverNonce)
        .put("pq", Buffer.buffer(8).appendLong(pq))
        .put("server_public_key_fingerprints",
            new JsonArray().add(UNKNOWN_FINGERPRINT).add(KEY_PAIR.publicKey().fingerprint())));
  }

  private JsonObject dhParams(JsonObject request) {
    checkNonces(request);
    assertEquals(KEY_PAIR.publicKey().fingerprint(), request.getLong("public_key_fingerprint"));
    byte[] dataWithPadding = KEY_PAIR.decryptRsaPad(bytes(request, "encrypted_data"));
    pqInnerData = TL.decode(new TlReader(dataWithPadding));
    checkNonces(pqInnerData);
    assertArrayEquals(bytes(request, "p"), bytes(pqInnerData, "p"));
    assertArrayEquals(bytes(request, "q"), bytes(pqInnerData, "q"));
    newNonce = bytes(pqInnerData, "new_nonce");
    if (refuseDhParams) {
      return new JsonObject().put("_", "server_DH_params_fail").put("nonce", nonce).put("server_nonce", serverNonce)
          .put("new_nonce_hash", Arrays.copyOfRange(Hashes.sha1(newNonce), 4, 20));
    }
    a = new BigInteger(1, randomBytes(256));
    JsonObject inner = innerHook.apply(new JsonObject().put("_", "server_DH_inner_data")
        .put("nonce", nonce).put("server_nonce", serverNonce).put("g", 3)
        .put("dh_prime", fixedBigEndian(P, 256)).put("g_a", fixedBigEndian(G.modPow(a, P), 256))
        .put("server_time", SERVER_TIME));
    byte[] answer = TL.encode(inner).getBytes();
    byte[] hash = Hashes.sha1(answer);
    if (corruptAnswerHash) {
      hash[0] ^= 1;
    }
    int padding = (16 - (20 + answer.length) % 16) % 16 + (overPadAnswer ? 16 : 0);
    Buffer plain = Buffer.buffer().appendBytes(hash).appendBytes(answer).appendBytes(randomBytes(padding));
    tmp = Kdf.tmpAesKeyIv(serverNonce, newNonce);
    return new JsonObject().put("_", "server_DH_params_ok").put("nonce", nonce).put("server_nonce", serverNonce)
        .put("encrypted_answer", AesIge.encrypt(tmp.key(), tmp.iv(), plain.getBytes()));
  }

  private JsonObject dhGen(JsonObject request) {
    checkNonces(request);
    byte[] plain = AesIge.decrypt(tmp.key(), tmp.iv(), bytes(request, "encrypted_data"));
    TlReader reader = new TlReader(plain);
    reader.position(20);
    JsonObject inner = TL.decode(reader);
    assertArrayEquals(Arrays.copyOf(plain, 20), Hashes.sha1(Arrays.copyOfRange(plain, 20, reader.position())));
    checkNonces(inner);
    retryIds.add(inner.getLong("retry_id"));
    BigInteger gb = new BigInteger(1, bytes(inner, "g_b"));
    DhChecks.checkGa(gb, P);
    byte[] key = fixedBigEndian(gb.modPow(a, P), 256);
    keys.add(key);
    byte[] auxHash = new AuthKey(key).auxHash();
    String answer = "dh_gen_ok";
    int n = 1;
    if (retries > 0) {
      retries--;
      answer = "dh_gen_retry";
      n = 2;
    } else if (fails > 0) {
      fails--;
      answer = "dh_gen_fail";
      n = 3;
    }
    return new JsonObject().put("_", answer).put("nonce", nonce).put("server_nonce", serverNonce)
        .put("new_nonce_hash" + n, Kdf.newNonceHash(newNonce, n, auxHash));
  }

  private void checkNonces(JsonObject message) {
    assertArrayEquals(nonce, bytes(message, "nonce"));
    assertArrayEquals(serverNonce, bytes(message, "server_nonce"));
  }

  private byte[] randomBytes(int n) {
    byte[] out = new byte[n];
    random.nextBytes(out);
    return out;
  }
}
