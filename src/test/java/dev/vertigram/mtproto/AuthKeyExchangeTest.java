package dev.vertigram.mtproto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vertigram.crypto.AuthKey;
import dev.vertigram.crypto.RsaKey;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The exchange against a scripted server that plays the protocol correctly: permanent and temporary keys, retries. */
class AuthKeyExchangeTest {

  private final AuthKeyTestServer server = new AuthKeyTestServer();
  private final AuthKeyExchange exchange = new AuthKeyExchange(
      List.of(RsaKey.telegramProduction(), AuthKeyTestServer.KEY_PAIR.publicKey()), new SecureRandom());

  @Test
  void createsPermanentKey() {
    AuthKeyResult result = succeed(exchange.create(server, 2, 0));

    assertEquals(List.of("req_pq_multi", "req_DH_params", "set_client_DH_params"), server.requests);
    assertEquals("p_q_inner_data_dc", server.pqInnerData.getString("_"));
    assertEquals(2, server.pqInnerData.getInteger("dc"));
    assertEquals(List.of(0L), server.retryIds);
    assertArrayEquals(server.keys.get(0), result.key().bytes());
    assertEquals(server.expectedSalt(), result.serverSalt());
    assertEquals(AuthKeyTestServer.SERVER_TIME, result.serverTimeSeconds());
    assertEquals(0, result.expiresAt());
  }

  @Test
  void createsTemporaryKeyForTestMediaDc() {
    AuthKeyResult result = succeed(exchange.create(server, -10002, 86_400));

    assertEquals("p_q_inner_data_temp_dc", server.pqInnerData.getString("_"));
    assertEquals(-10002, server.pqInnerData.getInteger("dc"));
    assertEquals(86_400, server.pqInnerData.getInteger("expires_in"));
    assertArrayEquals(server.keys.get(0), result.key().bytes());
    assertEquals(AuthKeyTestServer.SERVER_TIME + 86_400, result.expiresAt());
  }

  @Test
  void answersDhGenRetryWithNewBAndPreviousAuxHash() {
    server.retries = 1;

    AuthKeyResult result = succeed(exchange.create(server, 2, 0));

    assertEquals(2, server.keys.size());
    assertFalse(Arrays.equals(server.keys.get(0), server.keys.get(1)), "a new b gives a new key");
    long previousAuxHash = AuthKeyMessages.littleEndianLong(new AuthKey(server.keys.get(0)).auxHash());
    assertEquals(List.of(0L, previousAuxHash), server.retryIds);
    assertArrayEquals(server.keys.get(1), result.key().bytes());
  }

  @Test
  void dhGenRetryIsBounded() {
    server.retries = 100;

    MtprotoException e = fail(exchange.create(server, 2, 0), MtprotoException.class);

    assertTrue(e.getMessage().contains("dh_gen_retry"), e.getMessage());
    assertEquals(AuthKeyExchange.MAX_DH_RETRIES + 1,
        Collections.frequency(server.requests, "set_client_DH_params"));
  }

  @Test
  void restartsTheExchangeOnDhGenFail() {
    server.fails = 1;

    AuthKeyResult result = succeed(exchange.create(server, 2, 0));

    assertEquals(2, Collections.frequency(server.requests, "req_pq_multi"));
    assertEquals(List.of(0L, 0L), server.retryIds);
    assertArrayEquals(server.keys.get(1), result.key().bytes());
  }

  @Test
  void dhGenFailRestartsAreBounded() {
    server.fails = 100;

    MtprotoException e = fail(exchange.create(server, 2, 0), MtprotoException.class);

    assertTrue(e.getMessage().contains("dh_gen_fail"), e.getMessage());
    assertEquals(AuthKeyExchange.MAX_ATTEMPTS, Collections.frequency(server.requests, "req_pq_multi"));
  }

  static AuthKeyResult succeed(Future<AuthKeyResult> future) {
    assertTrue(future.isComplete(), "the scripted server answers synchronously");
    assertTrue(future.succeeded(), () -> "exchange failed: " + future.cause());
    return future.result();
  }

  static <T extends Throwable> T fail(Future<AuthKeyResult> future, Class<T> type) {
    assertTrue(future.isComplete(), "the scripted server answers synchronously");
    assertTrue(future.failed(), "the exchange must fail");
    return assertInstanceOf(type, future.cause());
  }
}
