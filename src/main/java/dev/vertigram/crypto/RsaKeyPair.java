package dev.vertigram.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.KeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;

/**
 * A server-side RSA key pair (the Local DC's own key; Telegram's private keys are not public): generation, PKCS#1
 * private-key PEM, raw decryption and RSA_PAD decryption with its hash check. {@link #toString()} never prints private
 * material.
 */
public final class RsaKeyPair {

  private static final int BITS = 2048;
  private static final int BLOCK = BITS / 8;

  private final RSAPrivateCrtKey privateKey;
  private final RsaKey publicKey;

  private RsaKeyPair(RSAPrivateCrtKey privateKey) {
    if (privateKey.getModulus().bitLength() != BITS) {
      throw new IllegalArgumentException("MTProto RSA needs a 2048-bit modulus");
    }
    this.privateKey = privateKey;
    this.publicKey = new RsaKey(privateKey.getModulus(), privateKey.getPublicExponent());
  }

  /** Generates a fresh 2048-bit key pair with e = 65537. */
  public static RsaKeyPair generate(SecureRandom rnd) {
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
      gen.initialize(new RSAKeyGenParameterSpec(BITS, RSAKeyGenParameterSpec.F4), rnd);
      return new RsaKeyPair((RSAPrivateCrtKey) gen.generateKeyPair().getPrivate());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA key generation is not available", e);
    }
  }

  /** Parses a PKCS#1 {@code RSA PRIVATE KEY} (or PKCS#8 {@code PRIVATE KEY}) PEM block. */
  public static RsaKeyPair fromPem(String pem) {
    Pem.Block block = Pem.read(pem);
    KeySpec spec;
    switch (block.type()) {
      case "RSA PRIVATE KEY":
        RSAPrivateKey k = RSAPrivateKey.getInstance(block.der());
        spec = new RSAPrivateCrtKeySpec(k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(), k.getPrime1(),
            k.getPrime2(), k.getExponent1(), k.getExponent2(), k.getCoefficient());
        break;
      case "PRIVATE KEY":
        spec = new PKCS8EncodedKeySpec(block.der());
        break;
      default:
        throw new IllegalArgumentException("unsupported PEM type " + block.type());
    }
    try {
      PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(spec);
      if (!(key instanceof RSAPrivateCrtKey)) {
        throw new IllegalArgumentException("RSA private key lacks CRT parameters");
      }
      return new RsaKeyPair((RSAPrivateCrtKey) key);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("malformed " + block.type(), e);
    }
  }

  /** @return the private key as a PKCS#1 {@code RSA PRIVATE KEY} PEM block; handle it as a secret */
  public String toPem() {
    RSAPrivateCrtKey k = privateKey;
    try {
      return Pem.write("RSA PRIVATE KEY", new RSAPrivateKey(k.getModulus(), k.getPublicExponent(),
          k.getPrivateExponent(), k.getPrimeP(), k.getPrimeQ(), k.getPrimeExponentP(), k.getPrimeExponentQ(),
          k.getCrtCoefficient()).getEncoded(ASN1Encoding.DER));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the public half */
  public RsaKey publicKey() {
    return publicKey;
  }

  /**
   * Raw RSA decryption {@code c^d mod n} (CRT, blinded by the JDK).
   *
   * @param enc256 the big-endian ciphertext (at most 256 bytes)
   * @return 256 bytes, big-endian, left-padded with zeros
   * @throws SecurityCheckException if the ciphertext is not below the modulus
   */
  public byte[] decryptRaw(byte[] enc256) {
    if (enc256.length > BLOCK) {
      throw new SecurityCheckException("RSA ciphertext longer than 256 bytes");
    }
    try {
      Cipher rsa = Cipher.getInstance("RSA/ECB/NoPadding");
      rsa.init(Cipher.DECRYPT_MODE, privateKey);
      return Bytes.toFixed(new BigInteger(1, rsa.doFinal(enc256)), BLOCK);
    } catch (BadPaddingException e) {
      throw new SecurityCheckException("RSA ciphertext is not below the modulus");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA decryption failed", e);
    }
  }

  /**
   * RSA_PAD decryption (the server side of req_DH_params): raw RSA, then temp_key recovery, IGE decryption and the
   * SHA256(temp_key ‖ data_with_padding) check.
   *
   * @return data_with_padding (192 bytes: the TL data followed by random padding)
   * @throws SecurityCheckException on a ciphertext ≥ n or a hash mismatch
   */
  public byte[] decryptRsaPad(byte[] enc256) {
    return RsaPad.unpad(decryptRaw(enc256));
  }

  @Override
  public String toString() {
    return "RsaKeyPair[fingerprint=" + publicKey.fingerprint() + "]";
  }
}
