package dev.vertigram.localdc.impl;

import dev.vertigram.tl.TlCodec;
import dev.vertigram.tl.TlException;
import dev.vertigram.tl.TlSchema;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.Set;

/**
 * The body of a received message, decoded once (gzip_packed is inflated by the codec), or why it could not be.
 *
 * @param value              the decoded object, null on failure
 * @param error              the decoding error, null on success
 * @param unknownConstructor the failure is an unknown constructor id (not a malformed known one)
 */
record DecodedBody(JsonObject value, String error, boolean unknownConstructor) {

  /** Which seqno parity the message must have. */
  enum Kind {
    /** An RPC query: content-related (odd seqno), else error 35. */
    QUERY,
    /** Acks and wrappers: never content-related, else error 34. */
    NEVER_CONTENT,
    /** Service messages that may be either, and bodies that could not be decoded. */
    EITHER
  }

  private static final TlCodec CODEC = TlCodec.api();
  private static final TlSchema SCHEMA = TlSchema.api();
  private static final Set<String> NEVER_CONTENT = Set.of("msgs_ack", "msg_container", "msg_copy", "gzip_packed");
  private static final Set<String> SERVICE_QUERIES = Set.of("ping", "ping_delay_disconnect", "get_future_salts",
      "destroy_session", "destroy_auth_key", "rpc_drop_answer", "msgs_state_req", "msg_resend_req", "http_wait");

  static DecodedBody of(Buffer body) {
    try {
      return new DecodedBody(CODEC.decode(body), null, false);
    } catch (TlException e) {
      int id = body.length() >= 4 ? body.getIntLE(0) : 0;
      boolean known = SCHEMA.constructor(id) != null || SCHEMA.method(id) != null;
      return new DecodedBody(null, e.getMessage(), body.length() >= 4 && !known);
    }
  }

  /** A known constructor whose bytes do not parse (truncated, trailing bytes, bad nested values). */
  boolean malformed() {
    return value == null && !unknownConstructor;
  }

  /** The constructor or method name, null when undecodable. */
  String name() {
    return value == null ? null : value.getString("_");
  }

  Kind kind() {
    String name = name();
    if (name == null || SERVICE_QUERIES.contains(name)) {
      return Kind.EITHER;
    }
    if (NEVER_CONTENT.contains(name)) {
      return Kind.NEVER_CONTENT;
    }
    return SCHEMA.method(name) != null ? Kind.QUERY : Kind.EITHER;
  }
}
