package dev.vertigram.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * An RSA public key as MTProto uses it: fingerprint, RSA_PAD and legacy encryption for req_DH_params, PEM in and out.
 * Encryption requires a 2048-bit modulus (256-byte blocks).
 */
public final class RsaKey {

  private static final int BLOCK = 256;
  private static final int LEGACY_MAX_DATA = 255 - 20;

  private final BigInteger modulus;
  private final BigInteger exponent;
  private final long fingerprint;

  /**
   * @param modulus n
   * @param exponent e
   */
  public RsaKey(BigInteger modulus, BigInteger exponent) {
    if (modulus.signum() <= 0 || exponent.signum() <= 0) {
      throw new IllegalArgumentException("RSA modulus and exponent must be positive");
    }
    this.modulus = modulus;
    this.exponent = exponent;
    ByteArrayOutputStream tl = new ByteArrayOutputStream();
    Bytes.writeTlBytes(tl, Bytes.magnitude(modulus));
    Bytes.writeTlBytes(tl, Bytes.magnitude(exponent));
    this.fingerprint = Bytes.getLongLe(Hashes.sha1(tl.toByteArray()), 12);
  }

  /**
   * Parses the first PEM block: PKCS#1 {@code RSA PUBLIC KEY} or X.509 {@code PUBLIC KEY} (text around it is
   * ignored).
   */
  public static RsaKey fromPem(String pem) {
    Pem.Block block = Pem.read(pem);
    try {
      RSAPublicKey key;
      switch (block.type()) {
        case "RSA PUBLIC KEY":
          key = RSAPublicKey.getInstance(block.der());
          break;
        case "PUBLIC KEY":
          SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(block.der());
          if (!PKCSObjectIdentifiers.rsaEncryption.equals(info.getAlgorithm().getAlgorithm())) {
            throw new IllegalArgumentException("PUBLIC KEY is not an RSA key");
          }
          key = RSAPublicKey.getInstance(info.parsePublicKey());
          break;
        default:
          throw new IllegalArgumentException("unsupported PEM type " + block.type());
      }
      return new RsaKey(key.getModulus(), key.getPublicExponent());
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed " + block.type(), e);
    }
  }

  /** @return Telegram's production-DC public key (fingerprint -3414540481677951611) */
  public static RsaKey telegramProduction() {
    return Bundled.PRODUCTION;
  }

  /** @return Telegram's test-DC public key (fingerprint -5595554452916591101) */
  public static RsaKey telegramTest() {
    return Bundled.TEST;
  }

  /** @return n */
  public BigInteger modulus() {
    return modulus;
  }

  /** @return e */
  public BigInteger exponent() {
    return exponent;
  }

  /**
   * @return SHA1(TL bytes(n) ‖ TL bytes(e))[12:20] as a little-endian long, n and e minimal big-endian (the value in
   *     resPQ.server_public_key_fingerprints and req_DH_params.public_key_fingerprint)
   */
  public long fingerprint() {
    return fingerprint;
  }

  /**
   * Raw RSA: {@code m^e mod n} for the big-endian integer {@code m} (≤ 256 bytes, must be below n).
   *
   * @return 256 bytes, big-endian, left-padded with zeros
   */
  public byte[] encryptRaw(byte[] m) {
    checkBlockSize();
    BigInteger value = new BigInteger(1, m);
    if (m.length > BLOCK || value.compareTo(modulus) >= 0) {
      throw new IllegalArgumentException("RSA input must be below the modulus");
    }
    return Bytes.toFixed(value.modPow(exponent, modulus), BLOCK);
  }

  /**
   * RSA_PAD (the current req_DH_params scheme): data ≤ 144 bytes → 256 bytes. {@code rnd} supplies the padding to 192
   * bytes first, then a 32-byte temp_key per try (a try is repeated while key_aes_encrypted ≥ n).
   */
  public byte[] encryptRsaPad(byte[] data, SecureRandom rnd) {
    checkBlockSize();
    return encryptRaw(RsaPad.pad(data, rnd, modulus));
  }

  /**
   * Legacy scheme: RSA(SHA1(data) ‖ data ‖ random padding to 255 bytes), data ≤ 235 bytes → 256 bytes.
   */
  public byte[] encryptLegacy(byte[] data, SecureRandom rnd) {
    if (data.length > LEGACY_MAX_DATA) {
      throw new IllegalArgumentException("legacy RSA data must be at most 235 bytes, got " + data.length);
    }
    byte[] padding = new byte[LEGACY_MAX_DATA - data.length];
    rnd.nextBytes(padding);
    return encryptRaw(Bytes.concat(Hashes.sha1(data), data, padding));
  }

  /** @return this key as a PKCS#1 {@code RSA PUBLIC KEY} PEM block (64-character lines, trailing newline) */
  public String toPkcs1Pem() {
    try {
      return Pem.write("RSA PUBLIC KEY", new RSAPublicKey(modulus, exponent).getEncoded(ASN1Encoding.DER));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void checkBlockSize() {
    if (modulus.bitLength() != BLOCK * 8) {
      throw new IllegalStateException("MTProto RSA needs a 2048-bit modulus, this one has " + modulus.bitLength());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RsaKey && modulus.equals(((RsaKey) o).modulus) && exponent.equals(((RsaKey) o).exponent);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(fingerprint);
  }

  @Override
  public String toString() {
    return "RsaKey[fingerprint=" + fingerprint + ", bits=" + modulus.bitLength() + "]";
  }

  /** The keys shipped in {@code /keys/}, loaded on first use. */
  private static final class Bundled {
    static final RsaKey PRODUCTION = load("/keys/production.pem");
    static final RsaKey TEST = load("/keys/test_dc.pem");

    private static RsaKey load(String resource) {
      try (InputStream in = RsaKey.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + resource);
        }
        return fromPem(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
