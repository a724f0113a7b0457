package dev.vertigram.tl;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vertigram.bench.TlCodecBenchmark;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated buffers (bit flips, truncations, length and count corruption, splices) fed to every decoding
 * entry point: only TlException may escape, and the run must finish.
 */
class TlFuzzTest {

  /** Values written over a 4-byte word: lengths, counts and ids that stress the bounds checks. */
  private static final int[] NASTY = {0, 1, -1, 0x7fffffff, 0x80000000, 0xfe, 0xfffffffe, 0x00fffffe, 0x1000,
      TlType.VECTOR_ID, TlType.GZIP_ID, TlType.BOOL_TRUE_ID, 0x73f1f8dc, 0xf35c6d01};

  @Test
  void hundredThousandBuffers() {
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> fuzz(100_000, 1));
  }

  @Test
  @Tag("slow")
  void fiveMillionBuffers() {
    assertTimeoutPreemptively(Duration.ofMinutes(10), () -> fuzz(5_000_000, 2));
  }

  private static void fuzz(int count, long seed) throws IOException {
    Random rnd = new Random(seed);
    Target api = new Target(TlCodec.api(), corpus(TlCodec.api(), rnd, 400));
    Target secret = new Target(TlCodec.secret(), corpus(TlCodec.secret(), rnd, 60));
    int failures = 0;
    for (int i = 0; i < count; i++) {
      Target t = i % 8 == 0 ? secret : api;
      byte[] input = mutate(t, rnd);
      try {
        decode(t, input, i);
      } catch (TlException expected) {
        failures++;
      } catch (Throwable e) {
        fail("decoding " + JsonAssert.hex(input) + " threw " + e, e);
      }
    }
    assertTrue(failures > count / 2, "most mutated inputs are rejected: " + failures);
  }

  private static void decode(Target t, byte[] input, int i) {
    List<TlCombinator> methods = t.methods;
    TlCombinator method = methods.get(Math.floorMod(i * 31, methods.size()));
    switch (i % 4) {
      case 0 -> t.codec.decode(Buffer.buffer(input));
      case 1 -> t.codec.decode(new TlReader(input), id -> method.name());
      case 2 -> {
        if (method.result != null) {
          t.codec.decodeResult(method.name(), new TlReader(input));
        }
      }
      default -> t.codec.decode(new TlReader(input, 0, input.length));
    }
  }

  private static byte[] mutate(Target t, Random rnd) {
    if (rnd.nextInt(20) == 0) {
      byte[] b = new byte[rnd.nextInt(64)];
      rnd.nextBytes(b);
      return b;
    }
    byte[] b = t.corpus.get(rnd.nextInt(t.corpus.size())).clone();
    for (int n = 1 + rnd.nextInt(3); n > 0 && b.length > 0; n--) {
      switch (rnd.nextInt(5)) {
        case 0 -> b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
        case 1 -> b = Arrays.copyOf(b, rnd.nextInt(b.length));
        case 2 -> {
          if (b.length >= 4) {
            int at = rnd.nextInt(b.length / 4) * 4;
            int v = rnd.nextBoolean() ? NASTY[rnd.nextInt(NASTY.length)] : rnd.nextInt();
            for (int k = 0; k < 4; k++) {
              b[at + k] = (byte) (v >> 8 * k);
            }
          }
        }
        case 3 -> b[rnd.nextInt(b.length)] = (byte) (rnd.nextBoolean() ? 0xfe : 0xff);
        default -> {
          // Splice: a slice of another valid encoding over a random position.
          byte[] other = t.corpus.get(rnd.nextInt(t.corpus.size()));
          int from = rnd.nextInt(other.length);
          int len = Math.min(rnd.nextInt(other.length - from) + 1, b.length);
          System.arraycopy(other, from, b, rnd.nextInt(b.length - len + 1), len);
        }
      }
    }
    return b;
  }

  /** Valid encodings: random constructors and methods, containers of results, gzip_packed and a big history page. */
  private static List<byte[]> corpus(TlCodec codec, Random rnd, int size) throws IOException {
    TlValueGenerator gen = new TlValueGenerator(codec, rnd.nextLong());
    List<TlCombinator> all = new ArrayList<>(codec.schema().constructors());
    all.addAll(codec.schema().methods());
    all.removeIf(c -> c.id() == TlType.GZIP_ID);
    List<byte[]> corpus = new ArrayList<>();
    while (corpus.size() < size) {
      corpus.add(codec.encode(gen.random(all.get(rnd.nextInt(all.size())))).getBytes());
    }
    if (codec.schema().containerMessage != null) {
      JsonObject history = TlCodecBenchmark.messagesMessages(5, 3, 2);
      corpus.add(codec.encode(history).getBytes());
      corpus.add(gzipPacked(codec.encode(history).getBytes()));
      JsonObject rpc = new JsonObject().put("_", "rpc_result").put("req_msg_id", 1L).put("result", history);
      corpus.add(codec.encode(new JsonObject().put("_", "msg_container").put("messages", new JsonArray()
          .add(new JsonObject().put("msg_id", 2L).put("seqno", 1).put("body", rpc))
          .add(new JsonObject().put("msg_id", 3L).put("seqno", 2).put("body", TlCodecBenchmark.sendMessage()))))
          .getBytes());
    }
    return corpus;
  }

  private static byte[] gzipPacked(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(data);
    }
    return new TlWriter().writeInt(TlType.GZIP_ID).writeBytes(bytes.toByteArray()).toByteArray();
  }

  /** A codec, its methods and its corpus. */
  private record Target(TlCodec codec, List<byte[]> corpus, List<TlCombinator> methods) {
    Target(TlCodec codec, List<byte[]> corpus) {
      this(codec, corpus, List.copyOf(codec.schema().methods()));
    }
  }
}
