/**
 * MTProto cryptography on plain {@code byte[]}: AES-256-IGE and -CTR, hashes, the MTProto 2.0 and 1.0 key derivations
 * and message envelopes ({@link dev.vertigram.crypto.MessageCipher}), RSA (RSA_PAD, fingerprints, PEM), the
 * handshake's Diffie-Hellman checks, pq factorization and SRP for two-step verification.
 *
 * <p>Conventions: nonces, keys and hashes are fixed-length byte arrays; big numbers travel as big-endian byte arrays
 * (256 bytes for 2048-bit values); {@code long} identifiers (auth_key_id, fingerprints, salts) are the little-endian
 * reading of their wire bytes. Failed protocol checks throw {@link dev.vertigram.crypto.SecurityCheckException}; no
 * {@code toString()} or exception message contains key material. The package depends on no other Vertigram package.
 */
package dev.vertigram.crypto;
