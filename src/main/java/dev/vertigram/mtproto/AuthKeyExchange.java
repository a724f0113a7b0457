package dev.vertigram.mtproto;

import dev.vertigram.crypto.RsaKey;
import dev.vertigram.crypto.SecurityCheckException;
import io.vertx.core.Future;

import java.security.SecureRandom;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Client side of MTProto 2.0 auth key creation (core.telegram.org/mtproto/auth_key): req_pq_multi → req_DH_params
 * (p_q_inner_data_dc, or p_q_inner_data_temp_dc for a temporary key, under RSA_PAD) → set_client_DH_params.
 *
 * <p>Every check of the security guidelines is made; a failed one fails the Future with a
 * {@link SecurityCheckException} (malformed or unexpected answers fail it with an {@link MtprotoException}); the caller
 * should then drop the connection. dh_gen_retry is answered with a new b and {@code retry_id} = aux_hash of the
 * rejected key (at most {@value #MAX_DH_RETRIES} times); dh_gen_fail restarts the whole exchange (at most
 * {@value #MAX_ATTEMPTS} attempts in all). server_DH_params_fail (with a valid hash) fails with an MtprotoException.
 *
 * <p>All randomness comes from the injected generator through {@code nextBytes}, per attempt in this order: nonce
 * (16 bytes), new_nonce (32), the draws of {@link RsaKey#encryptRsaPad} (the padding of p_q_inner_data to 192 bytes,
 * then 32 bytes of temp_key per try), then for each set_client_DH_params: b (256) and the 0..15 padding bytes of
 * client_DH_inner_data (no draw when none is needed). Thread-safe as long as the generator is; each {@link #create}
 * call is independent.
 */
public final class AuthKeyExchange {

  /** Attempts of the whole exchange when the server answers dh_gen_fail. */
  public static final int MAX_ATTEMPTS = 3;
  /** set_client_DH_params retries per attempt when the server answers dh_gen_retry. */
  public static final int MAX_DH_RETRIES = 5;

  private final Map<Long, RsaKey> trustedKeys;
  private final SecureRandom random;

  /** An exchange trusting {@code trustedKeys} (by fingerprint) and drawing every random byte from {@code random}. */
  public AuthKeyExchange(List<RsaKey> trustedKeys, SecureRandom random) {
    Map<Long, RsaKey> byFingerprint = new LinkedHashMap<>();
    for (RsaKey key : trustedKeys) {
      byFingerprint.put(key.fingerprint(), key);
    }
    if (byFingerprint.isEmpty()) {
      throw new IllegalArgumentException("at least one trusted RSA key is needed");
    }
    this.trustedKeys = Collections.unmodifiableMap(byFingerprint);
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * Creates an auth key over {@code channel}.
   *
   * @param dcId      the value for p_q_inner_data_dc/_temp_dc: +10000 for test DCs, negative for media DCs
   * @param expiresIn 0 for a permanent key, else the lifetime in seconds of a temporary key
   */
  public Future<AuthKeyResult> create(PlainChannel channel, int dcId, int expiresIn) {
    if (expiresIn < 0) {
      throw new IllegalArgumentException("expiresIn must be >= 0");
    }
    return attempt(channel, dcId, expiresIn, 1);
  }

  private Future<AuthKeyResult> attempt(PlainChannel channel, int dcId, int expiresIn, int attempt) {
    return Future.succeededFuture(new AuthKeyHandshake(trustedKeys, random, dcId, expiresIn))
        .compose(handshake -> channel.exchange(handshake.reqPqMulti())
            .compose(resPq -> channel.exchange(handshake.onResPq(resPq)))
            .compose(dhParams -> setClientDh(channel, handshake.onServerDhParams(dhParams), 0, 0)))
        .recover(failure -> {
          if (!(failure instanceof DhGenFail)) {
            return Future.failedFuture(failure);
          }
          if (attempt >= MAX_ATTEMPTS) {
            return Future.failedFuture(new MtprotoException("auth key exchange: the server answered dh_gen_fail "
                + attempt + " times, giving up"));
          }
          return attempt(channel, dcId, expiresIn, attempt + 1);
        });
  }

  private Future<AuthKeyResult> setClientDh(PlainChannel channel, AuthKeyDh dh, long retryId, int retries) {
    AuthKeyDh.Request request = dh.request(retryId);
    return channel.exchange(request.body()).compose(answer -> {
      switch (dh.onAnswer(answer, request)) {
        case OK:
          return Future.succeededFuture(dh.result(request.key()));
        case RETRY:
          if (retries >= MAX_DH_RETRIES) {
            return Future.failedFuture(new MtprotoException("auth key exchange: the server answered dh_gen_retry "
                + (retries + 1) + " times, giving up"));
          }
          long nextRetryId = AuthKeyMessages.littleEndianLong(request.key().auxHash());
          return setClientDh(channel, dh, nextRetryId, retries + 1);
        default:
          return Future.failedFuture(new DhGenFail());
      }
    });
  }

  /** Internal signal: dh_gen_fail (hash checked) → restart the exchange. Never escapes {@link #attempt}. */
  private static final class DhGenFail extends MtprotoException {
    DhGenFail() {
      super("dh_gen_fail");
    }
  }
}
