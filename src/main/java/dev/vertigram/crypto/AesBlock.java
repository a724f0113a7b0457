package dev.vertigram.crypto;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.security.GeneralSecurityException;

/**
 * Direct access to the JDK's single-block AES decryption ({@code com.sun.crypto.provider.AESCrypt}, whose block
 * function is an AES-NI intrinsic), for IGE decryption: that mode feeds each output block into the next input, so
 * it needs one block per call, and a {@code Cipher.update} call costs several times the AES rounds themselves.
 * Available only when the JVM opens the package to this code
 * ({@code --add-opens java.base/com.sun.crypto.provider=ALL-UNNAMED}, as {@code run.sh}, the fat jar's manifest and
 * the tests do); otherwise {@link #AVAILABLE} is false and {@link AesIge} keeps its portable {@code Cipher} path.
 */
final class AesBlock {

  /** True when the JDK's AES block class could be opened. */
  static final boolean AVAILABLE;
  private static final MethodHandle NEW;
  private static final MethodHandle INIT;
  private static final MethodHandle DECRYPT;

  static {
    MethodHandle create = null;
    MethodHandle init = null;
    MethodHandle decrypt = null;
    try {
      Class<?> c = Class.forName("com.sun.crypto.provider.AESCrypt");
      MethodHandles.Lookup l = MethodHandles.privateLookupIn(c, MethodHandles.lookup());
      create = l.findConstructor(c, MethodType.methodType(void.class)).asType(MethodType.methodType(Object.class));
      init = l.findVirtual(c, "init", MethodType.methodType(void.class, boolean.class, String.class, byte[].class))
          .asType(MethodType.methodType(void.class, Object.class, boolean.class, String.class, byte[].class));
      decrypt = l.findVirtual(c, "decryptBlock",
          MethodType.methodType(void.class, byte[].class, int.class, byte[].class, int.class))
          .asType(MethodType.methodType(void.class, Object.class, byte[].class, int.class, byte[].class, int.class));
    } catch (ReflectiveOperationException | RuntimeException e) {
      create = null; // not opened (IllegalAccessException), or another JDK: the portable path is used
    }
    AVAILABLE = create != null;
    NEW = create;
    INIT = init;
    DECRYPT = decrypt;
  }

  private AesBlock() {
  }

  /** Decrypts the 16-byte block {@code in[0, 16)} into {@code out[outOff, outOff+16)}. */
  interface Decryptor {
    void decrypt(byte[] in, byte[] out, int outOff) throws GeneralSecurityException;
  }

  /** A decryptor for {@code key32} on the JDK's block function; only when {@link #AVAILABLE}. */
  static Decryptor decryptor(byte[] key32) {
    Object aes;
    try {
      aes = (Object) NEW.invokeExact();
      INIT.invokeExact(aes, true, "AES", key32);
    } catch (Throwable t) {
      throw new IllegalStateException("AES key setup failed", t);
    }
    return (in, out, outOff) -> {
      try {
        DECRYPT.invokeExact(aes, in, 0, out, outOff);
      } catch (Throwable t) {
        throw new IllegalStateException("AES block decryption failed", t);
      }
    };
  }
}
