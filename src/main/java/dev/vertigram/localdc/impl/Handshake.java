package dev.vertigram.localdc.impl;

import dev.vertigram.crypto.AesIge;
import dev.vertigram.crypto.Hashes;
import dev.vertigram.crypto.Kdf;
import dev.vertigram.crypto.SecurityCheckException;
import dev.vertigram.mtproto.MtMessage;
import dev.vertigram.mtproto.PlainMessage;
import dev.vertigram.tl.TlException;
import dev.vertigram.tl.TlReader;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server side of auth key creation (core.telegram.org/mtproto/auth_key) for one DC. Any bad request is answered
 * with -404 and fails its handshake, so later requests of it get -404 too; a DC id this DC does not serve gets -444.
 * Handshakes are found by the client nonce, kept {@value #KEEP_MILLIS} ms, and an identical repeated request gets the
 * identical answer. Confined to the DC's event loop.
 */
final class Handshake {

  private static final Logger log = LoggerFactory.getLogger(Handshake.class);

  static final long KEEP_MILLIS = 10 * 60 * 1000;
  static final int MAX_PENDING = 10_000;
  /** A fingerprint listed in resPQ beside the real one, of a key nobody has: clients must pick the key they know. */
  static final long DECOY_FINGERPRINT = 0x2b7d4e1a9c36f058L;

  private final DcState dc;
  private final HandshakeCrypto crypto;
  private final Map<ByteBuffer, HandshakeState> states = new LinkedHashMap<>();

  Handshake(DcState dc) {
    this.dc = dc;
    this.crypto = new HandshakeCrypto(dc);
  }

  /** A failed check: the handshake is over and the client gets the transport error. */
  private static final class Refused extends RuntimeException {
    final int code;

    Refused(int code, String reason) {
      super(reason, null, false, false);
      this.code = code;
    }
  }

  void onFrame(ServerConnection conn, Buffer frame) {
    MtMessage m = PlainMessage.decode(frame);
    HandshakeState state = null;
    try {
      if ((m.msgId() & 3) != 0) {
        throw new Refused(-404, "unencrypted msg_id is not 0 mod 4");
      }
      purge();
      JsonObject body = dc.codec().decode(m.body());
      Buffer nonce = body.getBuffer("nonce");
      if (nonce == null) {
        throw new Refused(-404, "unexpected unencrypted " + body.getString("_"));
      }
      state = states.get(ByteBuffer.wrap(nonce.getBytes()));
      Buffer answer = switch (body.getString("_")) {
        case "req_pq_multi", "req_pq" -> reqPq(state, m.body(), body);
        case "req_DH_params" -> reqDhParams(require(state, m.body()), m.body(), body);
        case "set_client_DH_params" -> setClientDhParams(require(state, m.body()), m.body(), body);
        default -> throw new Refused(-404, "unexpected unencrypted " + body.getString("_"));
      };
      conn.writePlain(PlainMessage.encode(dc.clock().nextMsgId(1), answer));
    } catch (Refused | SecurityCheckException | TlException | NullPointerException | ClassCastException e) {
      // NPE/ClassCastException: a well-formed TL object of the wrong kind (a field missing or of another type)
      int code = e instanceof Refused r ? r.code : -404;
      if (state != null) {
        state.step = HandshakeState.Step.FAILED;
      }
      log.debug("DC{}: handshake refused with {}: {}", dc.id(), code, e.toString());
      conn.sendTransportError(code, "handshake refused");
    }
  }

  /** The state of a known, live handshake. */
  private static HandshakeState require(HandshakeState state, Buffer request) {
    if (state == null) {
      throw new Refused(-404, "unknown nonce");
    }
    if (state.step == HandshakeState.Step.FAILED) {
      throw new Refused(-404, "request of a failed handshake");
    }
    return state;
  }

  private Buffer reqPq(HandshakeState state, Buffer request, JsonObject body) {
    if (state != null) {
      Buffer again = require(state, request).replay(request);
      if (again == null) {
        throw new Refused(-404, "nonce re-used by a different request");
      }
      return again;
    }
    byte[] nonce = bytes(body, "nonce", 16);
    long[] pq = crypto.primes();
    state = new HandshakeState(nonce, crypto.random(16), pq[0], pq[1], dc.clock().millis());
    byte[] answerNonce = dc.faults().takeWrongNonce() ? crypto.random(16) : nonce;
    state.pqRequest = request;
    state.pqAnswer = dc.codec().encode(new JsonObject().put("_", "resPQ").put("nonce", Buffer.buffer(answerNonce))
        .put("server_nonce", Buffer.buffer(state.serverNonce))
        .put("pq", Buffer.buffer(HandshakeCrypto.bigEndian(pq[0] * pq[1])))
        .put("server_public_key_fingerprints", new JsonArray().add(DECOY_FINGERPRINT)
            .add(dc.core().rsa().publicKey().fingerprint())));
    states.put(ByteBuffer.wrap(nonce), state);
    return state.pqAnswer;
  }

  private Buffer reqDhParams(HandshakeState state, Buffer request, JsonObject body) {
    Buffer again = state.replay(request);
    if (again != null) {
      return again;
    }
    if (state.step != HandshakeState.Step.PQ_SENT) {
      throw new Refused(-404, "req_DH_params out of order");
    }
    checkNonces(state, body);
    if (!Arrays.equals(bytes(body, "p", -1), HandshakeCrypto.bigEndian(state.p))
        || !Arrays.equals(bytes(body, "q", -1), HandshakeCrypto.bigEndian(state.q))) {
      throw new Refused(-404, "wrong p or q");
    }
    if (body.getLong("public_key_fingerprint") != dc.core().rsa().publicKey().fingerprint()) {
      throw new Refused(-404, "unknown public_key_fingerprint " + body.getLong("public_key_fingerprint"));
    }
    JsonObject inner = RsaInnerData.decode(dc.core().rsa(), dc.codec(), bytes(body, "encrypted_data", 256));
    checkInnerData(state, inner);
    state.newNonce = bytes(inner, "new_nonce", 32);
    state.tmpAesKeyIv = Kdf.tmpAesKeyIv(state.serverNonce, state.newNonce);
    state.a = new BigInteger(2048, dc.random());
    state.dhRequest = request;
    state.dhAnswer = crypto.serverDhParams(state);
    state.step = HandshakeState.Step.DH_SENT;
    return state.dhAnswer;
  }

  private void checkInnerData(HandshakeState state, JsonObject inner) {
    String kind = inner.getString("_");
    if (!kind.startsWith("p_q_inner_data")) {
      throw new Refused(-404, "encrypted_data holds a " + kind);
    }
    checkNonces(state, inner);
    if (!Arrays.equals(bytes(inner, "pq", -1), HandshakeCrypto.bigEndian(state.p * state.q))
        || !Arrays.equals(bytes(inner, "p", -1), HandshakeCrypto.bigEndian(state.p))
        || !Arrays.equals(bytes(inner, "q", -1), HandshakeCrypto.bigEndian(state.q))) {
      throw new Refused(-404, "p_q_inner_data with wrong pq, p or q");
    }
    if (inner.containsKey("dc")) {
      checkDc(inner.getInteger("dc"));
    }
    state.temp = kind.contains("temp");
    if (state.temp) {
      state.expiresIn = inner.getInteger("expires_in");
      if (state.expiresIn <= 0) {
        throw new Refused(-404, "temporary key with expires_in " + state.expiresIn);
      }
    }
  }

  /** dc = ±id (negative for media), + 10000 on test servers; the test/production choice follows the options. */
  private void checkDc(int dcField) {
    int abs = Math.abs(dcField);
    boolean test = abs > 10000;
    Boolean testMode = dc.core().options().testMode();
    if ((test ? abs - 10000 : abs) != dc.id() || (testMode != null && testMode != test)) {
      throw new Refused(-444, "p_q_inner_data dc " + dcField + " on DC " + dc.id());
    }
  }

  private Buffer setClientDhParams(HandshakeState state, Buffer request, JsonObject body) {
    Buffer again = state.replay(request);
    if (again != null) {
      return again;
    }
    if (state.step != HandshakeState.Step.DH_SENT) {
      throw new Refused(-404, "set_client_DH_params out of order");
    }
    checkNonces(state, body);
    byte[] encrypted = bytes(body, "encrypted_data", -1);
    if (encrypted.length < 32 || encrypted.length % 16 != 0) {
      throw new Refused(-404, "encrypted_data of " + encrypted.length + " bytes");
    }
    byte[] plain = AesIge.decrypt(state.tmpAesKeyIv.key(), state.tmpAesKeyIv.iv(), encrypted);
    byte[] data = Arrays.copyOfRange(plain, 20, plain.length);
    TlReader reader = new TlReader(data);
    JsonObject inner = dc.codec().decode(reader);
    int padding = data.length - reader.position();
    if (padding > 15 || !MessageDigest.isEqual(Hashes.sha1(Arrays.copyOf(data, reader.position())),
        Arrays.copyOf(plain, 20))) {
      throw new Refused(-404, "client_DH_inner_data hash or padding mismatch");
    }
    if (!"client_DH_inner_data".equals(inner.getString("_"))) {
      throw new Refused(-404, "encrypted_data holds a " + inner.getString("_"));
    }
    checkNonces(state, inner);
    state.setRequest = request;
    state.setAnswer = crypto.dhGen(state, inner.getLong("retry_id"), new BigInteger(1, bytes(inner, "g_b", -1)));
    return state.setAnswer;
  }

  private static void checkNonces(HandshakeState state, JsonObject body) {
    if (!Arrays.equals(bytes(body, "nonce", 16), state.nonce)
        || !Arrays.equals(bytes(body, "server_nonce", 16), state.serverNonce)) {
      throw new Refused(-404, "nonce or server_nonce mismatch");
    }
  }

  /** A bytes/int128/int256 field, with an exact length unless {@code length} is -1. */
  private static byte[] bytes(JsonObject o, String field, int length) {
    byte[] b = o.getBuffer(field).getBytes();
    if (length >= 0 && b.length != length) {
      throw new Refused(-404, field + " has " + b.length + " bytes instead of " + length);
    }
    return b;
  }

  /** Forgets handshakes older than 10 minutes, and the oldest ones past {@value #MAX_PENDING}. */
  private void purge() {
    long deadline = dc.clock().millis() - KEEP_MILLIS;
    var it = states.values().iterator();
    while (it.hasNext()) {
      HandshakeState s = it.next();
      if (s.createdAtMillis > deadline && states.size() <= MAX_PENDING) {
        break;
      }
      it.remove();
    }
  }
}
