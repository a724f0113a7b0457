package dev.vertigram.transport;

import io.vertx.core.buffer.Buffer;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/** Test helpers: hex, fixed "random" sources and MTProto-shaped payloads (padded intermediate needs the shape). */
final class TestBytes {
  private TestBytes() {
  }

  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  static String hex(Buffer b) {
    return HexFormat.of().formatHex(b.getBytes());
  }

  static byte[] range(int from, int count) {
    byte[] b = new byte[count];
    for (int i = 0; i < count; i++) {
      b[i] = (byte) (from + i);
    }
    return b;
  }

  /** A SecureRandom whose nextBytes returns the given arrays in turn (for obfuscated2 inits). */
  static SecureRandom fixedRandom(byte[]... outputs) {
    return new SecureRandom() {
      private int next;

      @Override
      public void nextBytes(byte[] bytes) {
        System.arraycopy(outputs[next++], 0, bytes, 0, bytes.length);
      }
    };
  }

  /** Like an encrypted MTProto packet: non-zero auth_key_id(8) ‖ msg_key(16) ‖ 16·blocks bytes. */
  static Buffer encrypted(Random rnd, int blocks) {
    byte[] b = new byte[24 + 16 * blocks];
    rnd.nextBytes(b);
    b[0] |= 1;
    return Buffer.buffer(b);
  }

  /** Like an unencrypted MTProto packet: 0(8) ‖ msg_id(8) ‖ length(4) ‖ body of {@code words} ints. */
  static Buffer unencrypted(Random rnd, int words) {
    byte[] body = new byte[4 * words];
    rnd.nextBytes(body);
    return Buffer.buffer().appendLongLE(0).appendLongLE(rnd.nextLong()).appendIntLE(body.length).appendBytes(body);
  }

  /** A mix of small packets of both shapes. */
  static List<Buffer> smallPackets(Random rnd) {
    List<Buffer> list = new ArrayList<>();
    list.add(unencrypted(rnd, 1));
    list.add(encrypted(rnd, 1));
    list.add(encrypted(rnd, 9)); // 168 bytes: the abridged 4-byte header
    list.add(unencrypted(rnd, 5));
    return list;
  }
}
