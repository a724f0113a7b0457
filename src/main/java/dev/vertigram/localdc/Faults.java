package dev.vertigram.localdc;

import io.vertx.core.json.JsonObject;

/**
 * Fault injection for tests, shared by all DCs of a Local DC. Thread-safe and changeable at run time. Each switch with
 * a {@code times} argument fires that many times and then disarms; arming a switch again replaces its count.
 *
 * <p>JSON form (the {@code faults} object of {@link LocalDcOptions}), every key optional:
 * <pre>{"dropConnectionAfterMessages": 3, "badServerSalt": 1, "clockSkewSeconds": 400,
 *  "rpcErrors": [{"method": "help.getNearestDc", "code": 420, "message": "FLOOD_WAIT_2", "times": 1}],
 *  "transportError": {"code": -404, "times": 1}, "corruptMsgKey": 1, "replayLastMessage": 1,
 *  "wrongNonce": 1, "gaOutOfRange": 1, "oversizedFrame": 1, "dropUpdates": 1, "corruptFilePart": 1}</pre>
 */
public interface Faults {

  /**
   * Closes the TCP connection that receives the n-th encrypted message from now (messages inside containers count
   * one each, containers and handshake messages do not). That message is processed, but nothing more is written on
   * the connection: its answers wait in the session for the client to reconnect. -1 disarms.
   */
  Faults dropConnectionAfterMessages(int n);

  /** Answers the next {@code times} encrypted frames with bad_server_salt, each time with a new salt (older ones die). */
  Faults badServerSalt(int times);

  /** Shifts the server clock by {@code seconds} (msg_ids, server_time, salts, time checks); 0 turns it off. */
  Faults clockSkewSeconds(int seconds);

  /** Answers the next {@code times} executions of {@code method} with {@code rpc_error(code, message)}. */
  Faults rpcError(String method, int code, String message, int times);

  /** Answers the next {@code times} frames with the transport error {@code code} (e.g. -404) instead of processing them. */
  Faults transportError(int code, int times);

  /** Corrupts the msg_key of the next {@code times} encrypted frames sent. */
  Faults corruptMsgKey(int times);

  /** Sends the previous encrypted frame again, byte for byte, before each of the next {@code times} frames. */
  Faults replayLastMessage(int times);

  /** Answers the next {@code times} req_pq(_multi) with a resPQ carrying a different nonce. */
  Faults wrongNonce(int times);

  /** Sends g_a = 1 (correctly encrypted and hashed) in the next {@code times} server_DH_inner_data. */
  Faults gaOutOfRange(int times);

  /**
   * Replaces the next {@code times} frames sent by a frame header announcing more than 16 MiB. Only on plain (not
   * obfuscated2) connections: the transport's stream cipher cannot be reached from outside.
   */
  Faults oversizedFrame(int times);

  /**
   * Silently drops the next {@code times} updates pushed to sessions (one push to one user counts once). They stay in
   * the account's or channel's pts log, so clients must find the gap and recover with getDifference.
   */
  Faults dropUpdates(int times);

  /**
   * Flips a byte in the bytes of the next {@code times} upload.getFile answers (the stored file stays intact, so
   * upload.getFileHashes still gives the true hashes): a download that checks them must notice.
   */
  Faults corruptFilePart(int times);

  /** Disarms every switch and sets the clock skew to 0. */
  Faults clear();

  /** Arms the switches named in a JSON object of the form above. */
  Faults apply(JsonObject json);

  /** The current state in the JSON form above (armed switches only). */
  JsonObject toJson();
}
