package dev.vertigram.mtproto;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;

/**
 * A scripted generator for tests: each {@code nextBytes} call must ask for exactly the length of the next scripted
 * chunk, which it returns; any other draw fails the test. This pins down the order in which the code under test
 * consumes randomness. Once the script is used up, draws fall back to a real generator if one was given.
 */
final class AuthKeyTestRandom extends SecureRandom {

  private final Deque<byte[]> script = new ArrayDeque<>();
  private final SecureRandom fallback;

  AuthKeyTestRandom(SecureRandom fallback) {
    this.fallback = fallback;
  }

  /** A strict generator: drawing past the script fails. */
  AuthKeyTestRandom() {
    this(null);
  }

  AuthKeyTestRandom then(byte[] chunk) {
    script.add(chunk.clone());
    return this;
  }

  AuthKeyTestRandom thenHex(String hex) {
    return then(HexFormat.of().parseHex(hex));
  }

  /** Whether every scripted chunk was drawn. */
  boolean exhausted() {
    return script.isEmpty();
  }

  @Override
  public void nextBytes(byte[] out) {
    byte[] next = script.poll();
    if (next == null) {
      if (fallback == null) {
        throw new AssertionError("unscripted draw of " + out.length + " random bytes");
      }
      fallback.nextBytes(out);
      return;
    }
    if (next.length != out.length) {
      throw new AssertionError("draw of " + out.length + " random bytes, the script expected " + next.length);
    }
    System.arraycopy(next, 0, out, 0, out.length);
  }
}
