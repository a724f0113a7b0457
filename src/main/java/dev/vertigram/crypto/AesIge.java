package dev.vertigram.crypto;

import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256 in IGE mode, as MTProto uses it. The 32-byte IV follows the OpenSSL/tdlib convention: {@code iv[0:16]} is the
 * "previous ciphertext" block c<sub>0</sub> and {@code iv[16:32]} the "previous plaintext" block p<sub>0</sub>. The IV
 * array is never modified. Lengths must be multiples of 16.
 *
 * <p>Both directions run on the JDK's AES intrinsics (AES-NI) through a per-thread cached {@link Cipher}:
 * <ul>
 *   <li><b>Encryption</b> c<sub>i</sub> = E(p<sub>i</sub> ⊕ c<sub>i−1</sub>) ⊕ p<sub>i−1</sub> is rewritten as CBC:
 *   with y<sub>i</sub> = c<sub>i</sub> ⊕ p<sub>i−1</sub> one gets y<sub>i</sub> = E((p<sub>i</sub> ⊕ p<sub>i−2</sub>) ⊕
 *   y<sub>i−1</sub>), y<sub>0</sub> = c<sub>0</sub>, p<sub>−1</sub> = 0. So each chunk is pre-whitened
 *   (x<sub>i</sub> = p<sub>i</sub> ⊕ p<sub>i−2</sub>), CBC-encrypted in one call by the intrinsic CBC loop, and
 *   post-whitened (c<sub>i</sub> = y<sub>i</sub> ⊕ p<sub>i−1</sub>, with p<sub>i</sub> recovered as x<sub>i</sub> ⊕
 *   p<sub>i−2</sub>).</li>
 *   <li><b>Decryption</b> p<sub>i</sub> = D(c<sub>i</sub> ⊕ p<sub>i−1</sub>) ⊕ c<sub>i−1</sub> feeds the output of D
 *   back into its input, which no JDK mode does, so it runs one ECB block per {@code Cipher.update} with 64-bit
 *   XORs.</li>
 * </ul>
 * Thread-safe: every thread uses its own cached ciphers and scratch buffer.
 */
public final class AesIge {

  /** Bytes pre-whitened per CBC call when encrypting (fits in L1/L2 together with the data). */
  private static final int CHUNK = 16 * 1024;
  private static final ThreadLocal<State> STATE = ThreadLocal.withInitial(State::new);

  private AesIge() {
  }

  /** Encrypts {@code buf[off, off+len)} in place. */
  public static void encrypt(byte[] key32, byte[] iv32, byte[] buf, int off, int len) {
    check(key32, iv32, buf, off, len);
    State st = STATE.get();
    byte[] x = st.scratch;
    long a0 = 0;
    long a1 = 0;
    long b0 = Bytes.getLongLe(iv32, 16);
    long b1 = Bytes.getLongLe(iv32, 24);
    try {
      st.cbc.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key32, "AES"), new IvParameterSpec(iv32, 0, 16));
      for (int start = off, end = off + len; start < end; start += CHUNK) {
        int n = Math.min(CHUNK, end - start);
        long pa0 = a0;
        long pa1 = a1;
        long pb0 = b0;
        long pb1 = b1;
        for (int j = 0; j < n; j += 16) {
          long p0 = Bytes.getLongLe(buf, start + j);
          long p1 = Bytes.getLongLe(buf, start + j + 8);
          Bytes.putLongLe(x, j, p0 ^ pa0);
          Bytes.putLongLe(x, j + 8, p1 ^ pa1);
          pa0 = pb0;
          pa1 = pb1;
          pb0 = p0;
          pb1 = p1;
        }
        st.cbc.update(x, 0, n, buf, start);
        for (int j = 0; j < n; j += 16) {
          int i = start + j;
          Bytes.putLongLe(buf, i, Bytes.getLongLe(buf, i) ^ b0);
          Bytes.putLongLe(buf, i + 8, Bytes.getLongLe(buf, i + 8) ^ b1);
          long p0 = Bytes.getLongLe(x, j) ^ a0;
          long p1 = Bytes.getLongLe(x, j + 8) ^ a1;
          a0 = b0;
          a1 = b1;
          b0 = p0;
          b1 = p1;
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-CBC failed", e);
    }
  }

  /** Decrypts {@code buf[off, off+len)} in place. */
  public static void decrypt(byte[] key32, byte[] iv32, byte[] buf, int off, int len) {
    check(key32, iv32, buf, off, len);
    State st = STATE.get();
    byte[] in = st.block;
    long c0 = Bytes.getLongLe(iv32, 0);
    long c1 = Bytes.getLongLe(iv32, 8);
    long p0 = Bytes.getLongLe(iv32, 16);
    long p1 = Bytes.getLongLe(iv32, 24);
    try {
      st.ecb.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key32, "AES"));
      for (int i = off, end = off + len; i < end; i += 16) {
        long x0 = Bytes.getLongLe(buf, i);
        long x1 = Bytes.getLongLe(buf, i + 8);
        Bytes.putLongLe(in, 0, x0 ^ p0);
        Bytes.putLongLe(in, 8, x1 ^ p1);
        st.ecb.update(in, 0, 16, buf, i);
        p0 = Bytes.getLongLe(buf, i) ^ c0;
        p1 = Bytes.getLongLe(buf, i + 8) ^ c1;
        Bytes.putLongLe(buf, i, p0);
        Bytes.putLongLe(buf, i + 8, p1);
        c0 = x0;
        c1 = x1;
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-ECB failed", e);
    }
  }

  /** @return a new array holding the IGE encryption of {@code data} */
  public static byte[] encrypt(byte[] key, byte[] iv, byte[] data) {
    byte[] out = data.clone();
    encrypt(key, iv, out, 0, out.length);
    return out;
  }

  /** @return a new array holding the IGE decryption of {@code data} */
  public static byte[] decrypt(byte[] key, byte[] iv, byte[] data) {
    byte[] out = data.clone();
    decrypt(key, iv, out, 0, out.length);
    return out;
  }

  private static void check(byte[] key32, byte[] iv32, byte[] buf, int off, int len) {
    Bytes.checkLength(key32, 32, "AES-256 key");
    Bytes.checkLength(iv32, 32, "IGE iv");
    Objects.checkFromIndexSize(off, len, buf.length);
    if (len % 16 != 0) {
      throw new IllegalArgumentException("IGE length must be a multiple of 16, got " + len);
    }
  }

  /** Per-thread ciphers and buffers; {@code Cipher.getInstance} is too costly to run per call. */
  private static final class State {
    final Cipher cbc = cipher("AES/CBC/NoPadding");
    final Cipher ecb = cipher("AES/ECB/NoPadding");
    final byte[] scratch = new byte[CHUNK];
    final byte[] block = new byte[16];

    private static Cipher cipher(String transformation) {
      try {
        return Cipher.getInstance(transformation);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(transformation + " is not available", e);
      }
    }
  }
}
