package dev.vertigram.localdc.world;

/**
 * A 2FA password as the server stores it: the SRP salts (salt1 includes the client's random part) and the verifier
 * {@code v = g^x mod p} (never the password itself). g and p are {@link World#SRP_G} and {@link World#srpPrime()}.
 */
public record Password(byte[] salt1, byte[] salt2, byte[] verifier, String hint) {
}
