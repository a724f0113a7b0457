package dev.vertigram.transport;

import io.vertx.core.buffer.Buffer;

import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The server end of one accepted MTProto TCP connection (Local DC). The framing is sniffed from the first bytes:
 * {@code ef} abridged, {@code eeeeeeee} intermediate, {@code dddddddd} padded intermediate, zero in bytes 4..8
 * full (its first seq; obfuscated2 inits never have it), otherwise a 64-byte obfuscated2 header whose decrypted
 * tag names the framing. Client quick-ack requests are ignored. Not thread-safe.
 */
public final class ServerTransport implements FrameCodec {
  private static final IntConsumer NO_QUICK_ACKS = token -> { };

  private final byte[] proxyKey;
  private final ByteQueue sniffed = new ByteQueue();
  private FramePipeline pipeline;
  private TransportKind kind;
  private boolean obfuscated;
  private int dcId;
  private boolean broken;

  /** A server transport for direct clients. */
  public ServerTransport() {
    this(null);
  }

  /**
   * A server transport acting as an MTProxy: obfuscated2 keys are {@code SHA256(key ‖ secret)}.
   *
   * @param proxySecret 16 bytes, or 17 starting with {@code dd}; null for none
   */
  public ServerTransport(byte[] proxySecret) {
    this.proxyKey = Obfuscated2.proxyKey(proxySecret);
  }

  /** The sniffed framing, null until enough bytes arrived. */
  public TransportKind kind() {
    return kind;
  }

  /** Whether the client uses obfuscated2 (meaningful once {@link #kind()} is known). */
  public boolean obfuscated() {
    return obfuscated;
  }

  /** The DC id from the obfuscated2 header (signed int16), 0 on plain connections. */
  public int dcId() {
    return dcId;
  }

  @Override
  public void decode(Buffer chunk, Consumer<Buffer> onFrame) {
    if (pipeline != null) {
      pipeline.decode(chunk, onFrame, NO_QUICK_ACKS);
      return;
    }
    if (broken) {
      throw new TransportException("transport stream already broken by an earlier error");
    }
    sniffed.add(chunk.getBytes());
    try {
      if (!sniff()) {
        return;
      }
    } catch (TransportException e) {
      broken = true;
      throw e;
    }
    pipeline.decode(Buffer.buffer(sniffed.drain()), onFrame, NO_QUICK_ACKS);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException before the client's first bytes told the framing
   */
  @Override
  public Buffer encode(Buffer payload) {
    return started().encode(payload);
  }

  @Override
  public Buffer encodeOwned(Buffer payload) {
    return started().encodeOwned(payload);
  }

  /** A transport error frame: the negative {@code code} as a 4-byte payload (-404, -429, -444, ...). */
  public Buffer encodeError(int code) {
    if (code >= 0) {
      throw new IllegalArgumentException("transport error codes are negative, got " + code);
    }
    return encode(Buffer.buffer(4).appendIntLE(code));
  }

  /**
   * A quick ack for {@code token} (bit 31 is set here): raw for intermediate, byte-swapped for abridged, a
   * {@code ffffffff}-prefixed short frame for padded intermediate.
   *
   * @throws UnsupportedOperationException on the full transport, which has no quick acks
   */
  public Buffer encodeQuickAck(int token) {
    return started().encodeQuickAck(token | Integer.MIN_VALUE);
  }

  private FramePipeline started() {
    if (pipeline == null) {
      throw new IllegalStateException("framing not known yet: no bytes received from the client");
    }
    return pipeline;
  }

  /** Identifies the framing once enough bytes are buffered; returns false while more are needed. */
  private boolean sniff() {
    if (!sniffed.has(1)) {
      return false;
    }
    if (sniffed.getUnsignedByte(0) == 0xef) {
      sniffed.skip(1);
      return start(TransportKind.ABRIDGED, null);
    }
    if (!sniffed.has(4)) {
      return false;
    }
    int first = sniffed.getIntLE(0);
    TransportKind tagged = TransportKind.fromObfuscatedTag(first);
    if (tagged == TransportKind.INTERMEDIATE || tagged == TransportKind.PADDED_INTERMEDIATE) {
      sniffed.skip(4);
      return start(tagged, null);
    }
    if (!sniffed.has(8)) {
      return false;
    }
    if (sniffed.getIntLE(4) == 0) {
      return start(TransportKind.FULL, null);
    }
    if (!sniffed.has(Obfuscated2.INIT_LENGTH)) {
      return false;
    }
    byte[] init = sniffed.readBytes(Obfuscated2.INIT_LENGTH);
    Obfuscated2 cipher = Obfuscated2.forServer(init, proxyKey);
    byte[] clear = init.clone();
    cipher.decrypt(clear);
    int tag = Framing.getIntLE(clear, Obfuscated2.TAG_OFFSET);
    TransportKind obfuscatedKind = TransportKind.fromObfuscatedTag(tag);
    if (obfuscatedKind == null) {
      throw new TransportException(
        String.format("unknown obfuscated2 protocol tag %08x (or wrong MTProxy secret)", tag));
    }
    dcId = (short) (clear[Obfuscated2.DC_OFFSET] & 0xff | clear[Obfuscated2.DC_OFFSET + 1] << 8);
    obfuscated = true;
    return start(obfuscatedKind, cipher);
  }

  private boolean start(TransportKind kind, Obfuscated2 cipher) {
    this.kind = kind;
    this.pipeline = new FramePipeline(Framing.create(kind, false), cipher, null);
    return true;
  }
}
