package dev.vertigram.mtproto;

import dev.vertigram.crypto.AuthKey;

/**
 * Result of a successful auth key exchange.
 *
 * @param key               the new auth key
 * @param serverSalt        the first server salt ({@code new_nonce[0:8] XOR server_nonce[0:8]}, little-endian)
 * @param serverTimeSeconds the server_time of server_DH_inner_data (to synchronise the message id clock)
 * @param expiresAt         server time at which a temporary key expires ({@code server_time + expires_in}); 0 for a
 *                          permanent key
 */
public record AuthKeyResult(AuthKey key, long serverSalt, long serverTimeSeconds, int expiresAt) {
}
