package dev.vertigram.mtproto;

import dev.vertigram.crypto.DhChecks;
import dev.vertigram.crypto.SecurityCheckException;
import dev.vertigram.tl.TlCodec;
import dev.vertigram.tl.TlException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * TL and byte helpers shared by the steps of the auth key exchange. Error messages name the step and the field, never
 * a nonce or key value.
 */
final class AuthKeyMessages {

  static final TlCodec TL = TlCodec.api();

  private AuthKeyMessages() {
  }

  /** Decodes an answer and checks that its constructor is one of {@code expected}. */
  static JsonObject decode(Buffer body, String request, String... expected) {
    JsonObject answer;
    try {
      answer = TL.decode(body);
    } catch (TlException e) {
      throw new MtprotoException("malformed answer to " + request + ": " + e.getMessage(), e);
    }
    String name = answer.getString("_");
    for (String candidate : expected) {
      if (candidate.equals(name)) {
        return answer;
      }
    }
    throw new MtprotoException("unexpected answer " + name + " to " + request + ", expected one of "
        + String.join(", ", expected));
  }

  /** The bytes of an int128/int256/bytes/string field of a decoded object. */
  static byte[] bytes(JsonObject value, String field) {
    Buffer buffer = value.getBuffer(field);
    if (buffer == null) {
      throw new MtprotoException(value.getString("_") + "." + field + " is missing");
    }
    return buffer.getBytes();
  }

  /** Checks that {@code field} of the answer equals {@code expected} (nonce, server_nonce or a nonce hash). */
  static void checkEqual(JsonObject answer, String field, byte[] expected) {
    if (!MessageDigest.isEqual(expected, bytes(answer, field))) {
      throw new SecurityCheckException(answer.getString("_") + ": " + field + " does not match");
    }
  }

  /** Checks the nonce and server_nonce that every answer after resPQ echoes. */
  static void checkNonces(JsonObject answer, byte[] nonce, byte[] serverNonce) {
    checkEqual(answer, "nonce", nonce);
    checkEqual(answer, "server_nonce", serverNonce);
  }

  /** Checks a DH public value (g_a or g_b, named by {@code what}) with {@link DhChecks#checkGa}. */
  static void checkDhValue(BigInteger value, BigInteger dhPrime, String what) {
    try {
      DhChecks.checkGa(value, dhPrime);
    } catch (SecurityCheckException e) {
      throw new SecurityCheckException(what + ": " + e.getMessage());
    }
  }

  /** {@code value} as an unsigned big-endian number of exactly {@code size} bytes. */
  static byte[] fixedBigEndian(BigInteger value, int size) {
    byte[] raw = value.toByteArray();
    if (raw.length == size) {
      return raw;
    }
    if (raw.length > size) {
      return Arrays.copyOfRange(raw, raw.length - size, raw.length); // drops the sign byte
    }
    byte[] out = new byte[size];
    System.arraycopy(raw, 0, out, size - raw.length, raw.length);
    return out;
  }

  /** A positive long as a minimal unsigned big-endian byte string (p and q in p_q_inner_data). */
  static byte[] minimalBigEndian(long value) {
    int size = (64 - Long.numberOfLeadingZeros(value) + 7) / 8;
    byte[] out = new byte[size];
    for (int i = size - 1; i >= 0; i--) {
      out[i] = (byte) value;
      value >>>= 8;
    }
    return out;
  }

  /** Reads 8 bytes as a little-endian long (the TL view of an 8-byte hash such as aux_hash). */
  static long littleEndianLong(byte[] bytes) {
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = (value << 8) | (bytes[i] & 0xFF);
    }
    return value;
  }

  /** {@code n} bytes from the injected generator. */
  static byte[] randomBytes(SecureRandom random, int n) {
    byte[] out = new byte[n];
    random.nextBytes(out);
    return out;
  }
}
