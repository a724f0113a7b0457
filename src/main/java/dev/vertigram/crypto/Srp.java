package dev.vertigram.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SRP-2048 for Telegram's two-step verification (core.telegram.org/api/srp, algorithm
 * {@code passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow}). All numbers travel as 256-byte big-endian
 * arrays; H = SHA-256.
 *
 * <p>x = PH2 = SH(PBKDF2-HMAC-SHA512(PH1, salt1, 100000), salt2) with PH1 = SH(SH(password, salt1), salt2) and
 * SH(d, s) = H(s ‖ d ‖ s). PBKDF2 runs on Bouncy Castle: the JDK's {@code PBKDF2WithHmacSHA512} takes the password as
 * {@code char[]} and UTF-8-encodes it, which cannot carry the binary PH1.
 */
public final class Srp {

  private static final int SIZE = 256;
  private static final int PBKDF2_ITERATIONS = 100_000;

  /**
   * The client's inputCheckPasswordSRP values.
   *
   * @param a A = g^a mod p (256 bytes)
   * @param m1 the proof M1 (32 bytes)
   */
  public record SrpAnswer(byte[] a, byte[] m1) {
  }

  private Srp() {
  }

  /**
   * Computes A and M1 for account.password's current algorithm. Checks p and g ({@link DhChecks#checkDhParams}), the
   * server's B ({@link DhChecks#checkGa}) and 1 < A < p−1.
   *
   * @param aSecret256 the client secret a (256 random bytes)
   * @throws SecurityCheckException if p, g, B, A or u fail their checks
   */
  public static SrpAnswer answer(byte[] password, byte[] salt1, byte[] salt2, int g, byte[] p, byte[] srpB,
      byte[] aSecret256) {
    Group group = new Group(p, g);
    BigInteger b = new BigInteger(1, srpB);
    DhChecks.checkGa(b, group.p);
    BigInteger a = new BigInteger(1, aSecret256);
    BigInteger ga = group.g.modPow(a, group.p);
    if (ga.compareTo(BigInteger.ONE) <= 0 || ga.compareTo(group.p.subtract(BigInteger.ONE)) >= 0) {
      throw new SecurityCheckException("SRP A out of range");
    }
    byte[] aBytes = group.pad(ga);
    byte[] bBytes = group.pad(b);
    BigInteger x = new BigInteger(1, passwordHash(password, salt1, salt2));
    BigInteger u = group.u(aBytes, bBytes);
    BigInteger kv = group.k().multiply(group.g.modPow(x, group.p)).mod(group.p);
    BigInteger s = b.subtract(kv).mod(group.p).modPow(a.add(u.multiply(x)), group.p);
    return new SrpAnswer(aBytes, group.m1(salt1, salt2, aBytes, bBytes, s));
  }

  /**
   * As {@link #answer(byte[], byte[], byte[], int, byte[], byte[], byte[])} with a fresh secret a from {@code rnd},
   * redrawn until A also passes the full {@link DhChecks#checkGa} range check.
   */
  public static SrpAnswer answer(byte[] password, byte[] salt1, byte[] salt2, int g, byte[] p, byte[] srpB,
      SecureRandom rnd) {
    Group group = new Group(p, g);
    while (true) {
      byte[] a = new byte[SIZE];
      rnd.nextBytes(a);
      if (DhChecks.inRange(group.g.modPow(new BigInteger(1, a), group.p), group.p)) {
        return answer(password, salt1, salt2, g, p, srpB, a);
      }
    }
  }

  /**
   * The verifier v = g^x mod p stored for a new password (account.updatePasswordSettings); {@code salt1} is the full
   * new salt (the server's salt1 plus the client's 32 random bytes).
   */
  public static byte[] verifier(byte[] password, byte[] salt1, byte[] salt2, int g, byte[] p) {
    Group group = new Group(p, g);
    return group.pad(group.g.modPow(new BigInteger(1, passwordHash(password, salt1, salt2)), group.p));
  }

  /** PH2: the SRP private value x as 32 bytes. */
  private static byte[] passwordHash(byte[] password, byte[] salt1, byte[] salt2) {
    byte[] ph1 = saltedHash(saltedHash(password, salt1), salt2);
    PKCS5S2ParametersGenerator pbkdf2 = new PKCS5S2ParametersGenerator(new SHA512Digest());
    pbkdf2.init(ph1, salt1, PBKDF2_ITERATIONS);
    byte[] stretched = ((KeyParameter) pbkdf2.generateDerivedParameters(512)).getKey();
    return saltedHash(stretched, salt2);
  }

  private static byte[] saltedHash(byte[] data, byte[] salt) {
    return Hashes.sha256(salt, data, salt);
  }

  /** The checked group (p, g) and the derivations both sides share. */
  private static final class Group {
    final BigInteger p;
    final BigInteger g;

    Group(byte[] p, int g) {
      this.p = new BigInteger(1, p);
      this.g = BigInteger.valueOf(g);
      DhChecks.checkDhParams(this.p, g);
    }

    byte[] pad(BigInteger v) {
      return Bytes.toFixed(v, SIZE);
    }

    /** k = H(p ‖ pad(g)). */
    BigInteger k() {
      return new BigInteger(1, Hashes.sha256(pad(p), pad(g)));
    }

    /** u = H(A ‖ B), which must not be zero. */
    BigInteger u(byte[] ga, byte[] gb) {
      BigInteger u = new BigInteger(1, Hashes.sha256(ga, gb));
      if (u.signum() == 0) {
        throw new SecurityCheckException("SRP u is zero");
      }
      return u;
    }

    /** M1 = H(H(p) XOR H(g) ‖ H(salt1) ‖ H(salt2) ‖ A ‖ B ‖ H(S)). */
    byte[] m1(byte[] salt1, byte[] salt2, byte[] ga, byte[] gb, BigInteger s) {
      byte[] pg = Bytes.xor(Hashes.sha256(pad(p)), Hashes.sha256(pad(g)));
      return Hashes.sha256(pg, Hashes.sha256(salt1), Hashes.sha256(salt2), ga, gb, Hashes.sha256(pad(s)));
    }
  }

  /**
   * The server side of the exchange, for the Local DC: holds the verifier v and the secret b, publishes
   * B = (k·v + g^b) mod p and checks the client's M1 with S = (A·v^u)^b mod p. {@link #toString()} prints nothing
   * secret.
   */
  public static final class Server {
    private final Group group;
    private final BigInteger v;
    private final BigInteger b;
    private final byte[] bPublic;

    /**
     * @param v the stored verifier (256 bytes)
     * @param bSecret256 the server secret b (256 random bytes)
     * @throws SecurityCheckException if p and g fail {@link DhChecks#checkDhParams}
     */
    public Server(byte[] v, int g, byte[] p, byte[] bSecret256) {
      this.group = new Group(p, g);
      this.v = new BigInteger(1, v);
      this.b = new BigInteger(1, bSecret256);
      BigInteger kv = group.k().multiply(this.v);
      this.bPublic = group.pad(kv.add(group.g.modPow(b, group.p)).mod(group.p));
    }

    /** As {@link #Server(byte[], int, byte[], byte[])} with a fresh 256-byte b drawn from {@code rnd}. */
    public Server(byte[] v, int g, byte[] p, SecureRandom rnd) {
      this(v, g, p, randomSecret(rnd));
    }

    /** @return srp_B = (k·v + g^b) mod p (256 bytes) */
    public byte[] b() {
      return bPublic.clone();
    }

    /**
     * @param a the client's A (256 bytes)
     * @param m1 the client's M1
     * @return whether M1 proves knowledge of the password; false also when A is out of range
     */
    public boolean verify(byte[] a, byte[] m1, byte[] salt1, byte[] salt2) {
      BigInteger ga = new BigInteger(1, a);
      if (!DhChecks.inRange(ga, group.p)) {
        return false;
      }
      byte[] aBytes = group.pad(ga);
      BigInteger u;
      try {
        u = group.u(aBytes, bPublic);
      } catch (SecurityCheckException e) {
        return false;
      }
      BigInteger s = ga.multiply(v.modPow(u, group.p)).mod(group.p).modPow(b, group.p);
      return MessageDigest.isEqual(group.m1(salt1, salt2, aBytes, bPublic, s), m1);
    }

    @Override
    public String toString() {
      return "Srp.Server[redacted]";
    }

    private static byte[] randomSecret(SecureRandom rnd) {
      byte[] secret = new byte[SIZE];
      rnd.nextBytes(secret);
      return secret;
    }
  }
}
