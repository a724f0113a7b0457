package dev.vertigram.mtproto;

import static dev.vertigram.mtproto.AuthKeyExchangeTest.fail;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vertigram.crypto.DhChecks;
import dev.vertigram.crypto.RsaKey;
import dev.vertigram.crypto.SecurityCheckException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

/** Every client-side check of the exchange, each against a scripted server that breaks exactly one rule. */
class AuthKeyChecksTest {

  private final AuthKeyTestServer server = new AuthKeyTestServer();
  private final AuthKeyExchange exchange = new AuthKeyExchange(
      List.of(RsaKey.telegramProduction(), AuthKeyTestServer.KEY_PAIR.publicKey()), new SecureRandom());

  @Test
  void wrongNonceInResPq() {
    server.resPqHook = set("nonce", new byte[16]);
    assertSecurityFailure("resPQ: nonce does not match");
  }

  @Test
  void wrongServerNonceInServerDhParams() {
    server.dhParamsHook = set("server_nonce", new byte[16]);
    assertSecurityFailure("server_DH_params_ok: server_nonce does not match");
  }

  @Test
  void wrongNonceInServerDhInnerData() {
    server.innerHook = set("nonce", new byte[16]);
    assertSecurityFailure("server_DH_inner_data: nonce does not match");
  }

  @Test
  void wrongServerNonceInDhGen() {
    server.dhGenHook = set("server_nonce", new byte[16]);
    assertSecurityFailure("dh_gen_ok: server_nonce does not match");
  }

  @Test
  void noKnownFingerprint() {
    server.resPqHook = set("server_public_key_fingerprints", new JsonArray().add(1L).add(2L));
    assertSecurityFailure("none of the server's RSA key fingerprints");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0102030405060708ff", "8000000000000001", "0000000000000005", "000000007fffffff"})
  void pqOutOfRange(String pqHex) {
    server.resPqHook = set("pq", Buffer.buffer(HexFormat.of().parseHex(pqHex)));
    assertSecurityFailure("resPQ: pq");
  }

  @Test
  void pqThatIsASquare() {
    server.resPqHook = set("pq", Buffer.buffer(8).appendLong(1_000_003L * 1_000_003L));
    assertSecurityFailure("resPQ: pq");
  }

  @Test
  void badAnswerHash() {
    server.corruptAnswerHash = true;
    assertSecurityFailure("SHA1 of the decrypted answer does not match");
  }

  @Test
  void answerPaddingOver15Bytes() {
    server.overPadAnswer = true;
    assertSecurityFailure("bytes of padding after the answer, at most 15 allowed");
  }

  @Test
  void dhPrimeThatIsNotTheSafePrime() {
    BigInteger notSafe = DhChecks.TELEGRAM_PRIME.subtract(BigInteger.valueOf(24)); // keeps g = 3 valid
    server.innerHook = set("dh_prime", AuthKeyMessages.fixedBigEndian(notSafe, 256));
    assertSecurityFailure("server_DH_inner_data: dh_prime");
  }

  @Test
  void generatorOutOfRange() {
    server.innerHook = inner -> inner.put("g", 8);
    assertSecurityFailure("server_DH_inner_data: g = 8");
  }

  @ParameterizedTest
  @ValueSource(strings = {"one", "p-1", "just below 2^1984"})
  void gaOutOfRange(String which) {
    BigInteger p = DhChecks.TELEGRAM_PRIME;
    BigInteger ga = switch (which) {
      case "one" -> BigInteger.ONE;
      case "p-1" -> p.subtract(BigInteger.ONE);
      default -> BigInteger.TWO.pow(1984).subtract(BigInteger.ONE);
    };
    server.innerHook = set("g_a", AuthKeyMessages.fixedBigEndian(ga, 256));
    assertSecurityFailure("server_DH_inner_data: g_a");
  }

  @Test
  void wrongNewNonceHash1() {
    server.dhGenHook = flip("new_nonce_hash1");
    assertSecurityFailure("dh_gen_ok: new_nonce_hash1 does not match");
  }

  @Test
  void wrongNewNonceHash2() {
    server.retries = 1;
    server.dhGenHook = flip("new_nonce_hash2");
    assertSecurityFailure("dh_gen_retry: new_nonce_hash2 does not match");
  }

  @Test
  void wrongNewNonceHash3() {
    server.fails = 1;
    server.dhGenHook = flip("new_nonce_hash3");
    assertSecurityFailure("dh_gen_fail: new_nonce_hash3 does not match");
  }

  @Test
  void serverDhParamsFailWithValidHash() {
    server.refuseDhParams = true;
    MtprotoException e = fail(exchange.create(server, 2, 0), MtprotoException.class);
    assertTrue(e.getMessage().contains("server_DH_params_fail"), e.getMessage());
  }

  @Test
  void serverDhParamsFailWithWrongHash() {
    server.refuseDhParams = true;
    server.dhParamsHook = flip("new_nonce_hash");
    assertSecurityFailure("server_DH_params_fail: new_nonce_hash does not match");
  }

  @Test
  void unexpectedAnswer() {
    server.dhGenHook = answer -> new JsonObject().put("_", "resPQ").put("nonce", answer.getBuffer("nonce"))
        .put("server_nonce", answer.getBuffer("server_nonce")).put("pq", Buffer.buffer(new byte[8]))
        .put("server_public_key_fingerprints", new JsonArray());
    MtprotoException e = fail(exchange.create(server, 2, 0), MtprotoException.class);
    assertTrue(e.getMessage().contains("unexpected answer resPQ to set_client_DH_params"), e.getMessage());
  }

  /** The exchange fails with a SecurityCheckException whose message contains {@code expected} and no nonce. */
  private void assertSecurityFailure(String expected) {
    SecurityCheckException e = fail(exchange.create(server, 2, 0), SecurityCheckException.class);
    String message = e.getMessage();
    assertTrue(message != null && !message.isBlank(), "the failure explains itself");
    assertTrue(message.contains(expected), message);
    for (String secret : server.secretsHex()) {
      assertFalse(!secret.isEmpty() && message.toLowerCase().contains(secret), "no nonce in: " + message);
    }
  }

  private static UnaryOperator<JsonObject> set(String field, Object value) {
    return message -> message.put(field, value);
  }

  private static UnaryOperator<JsonObject> flip(String field) {
    return message -> {
      byte[] value = message.getBuffer(field).getBytes();
      value[value.length - 1] ^= 1;
      return message.put(field, Buffer.buffer(value));
    };
  }
}
