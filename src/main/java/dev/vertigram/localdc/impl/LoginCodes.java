package dev.vertigram.localdc.impl;

import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login codes sent by auth.sendCode, valid {@value #TTL_MILLIS} ms. Test numbers {@code 99966XYYYY} get the code X
 * five times (Telegram's test-DC convention); other numbers get a random 5-digit code, logged at INFO (this log line
 * is how a developer reads it). Shared by all DCs, thread-safe, kept by snapshots.
 */
final class LoginCodes {

  /** The snapshot record type. */
  static final String RECORD = "login_code";

  static final long TTL_MILLIS = 5 * 60 * 1000;
  private static final Logger log = LoggerFactory.getLogger(LoginCodes.class);

  /** A code sent to a phone; {@code verified} once signIn accepted it for a number that must sign up. */
  record Sent(String hash, String code, long expiresAtMillis, boolean verified) {
  }

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Sent> byPhone = new ConcurrentHashMap<>();

  /** Whether {@code phone} (digits) is a test number 99966XYYYY. */
  static boolean testNumber(String phone) {
    return phone.length() == 10 && phone.startsWith("99966");
  }

  /** The X of a test number. */
  static int testDigit(String phone) {
    return phone.charAt(5) - '0';
  }

  /** Sends a new code to {@code phone}; returns its phone_code_hash. */
  String send(String phone) {
    String code = testNumber(phone) ? String.valueOf(testDigit(phone)).repeat(5)
        : String.format("%05d", random.nextInt(100_000));
    byte[] h = new byte[8];
    random.nextBytes(h);
    String hash = HexFormat.of().formatHex(h);
    byPhone.put(phone, new Sent(hash, code, System.currentTimeMillis() + TTL_MILLIS, false));
    if (!testNumber(phone)) {
      log.info("Local DC login code for +{}: {}", phone, code);
    }
    return hash;
  }

  /**
   * Checks a code: PHONE_CODE_EMPTY, PHONE_CODE_HASH_EMPTY, PHONE_CODE_EXPIRED (unknown/expired hash),
   * PHONE_CODE_INVALID. {@code code} null = the signUp step, which needs a code already verified by signIn.
   */
  void check(String phone, String hash, String code) {
    if (hash == null || hash.isEmpty()) {
      throw new RpcErrorException(400, "PHONE_CODE_HASH_EMPTY");
    }
    Sent s = byPhone.get(phone);
    if (s == null || !s.hash().equals(hash) || s.expiresAtMillis() < System.currentTimeMillis()) {
      throw new RpcErrorException(400, "PHONE_CODE_EXPIRED");
    }
    if (code == null) {
      if (!s.verified()) {
        throw new RpcErrorException(400, "PHONE_CODE_INVALID");
      }
      return;
    }
    if (code.isEmpty()) {
      throw new RpcErrorException(400, "PHONE_CODE_EMPTY");
    }
    if (!s.code().equals(code)) {
      throw new RpcErrorException(400, "PHONE_CODE_INVALID");
    }
    byPhone.put(phone, new Sent(s.hash(), s.code(), s.expiresAtMillis(), true));
  }

  /** The code is used up (logged in or signed up). */
  void consume(String phone) {
    byPhone.remove(phone);
  }

  /** The snapshot records of the codes sent. */
  List<JsonObject> records() {
    List<JsonObject> out = new ArrayList<>();
    byPhone.forEach((phone, s) -> out.add(new JsonObject().put("t", RECORD).put("phone", phone).put("hash", s.hash())
        .put("code", s.code()).put("expires_at", s.expiresAtMillis()).put("verified", s.verified())));
    return out;
  }

  /** Restores a code from its {@link #records()} record. */
  void restore(JsonObject r) {
    byPhone.put(r.getString("phone"), new Sent(r.getString("hash"), r.getString("code"), r.getLong("expires_at"),
        r.getBoolean("verified")));
  }
}
