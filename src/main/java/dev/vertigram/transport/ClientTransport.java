package dev.vertigram.transport;

import io.vertx.core.buffer.Buffer;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The client end of one MTProto TCP connection: one framing, plain or inside obfuscated2 (optionally with an
 * MTProxy secret). The first {@link #encode} output starts with the protocol tag, or with the 64-byte
 * obfuscated2 header.
 *
 * <p>Server signals:
 * <ul>
 *   <li>A transport error (a payload of exactly 4 bytes holding a negative int) makes {@link #decode} throw
 *       {@link TransportErrorException} with the code. The frame is consumed first and later bytes stay
 *       buffered: calling {@code decode(Buffer.buffer(), ...)} parses them.</li>
 *   <li>A quick ack (token with bit 31 set) goes to {@link #quickAckHandler}; by default it is ignored. The
 *       client never asks for quick acks, so a server should not send them.</li>
 * </ul>
 * Not thread-safe.
 */
public final class ClientTransport implements FrameCodec {
  private final TransportKind kind;
  private final boolean obfuscated;
  private final FramePipeline pipeline;
  private IntConsumer quickAckHandler = token -> { };

  private ClientTransport(TransportKind kind, boolean obfuscated, FramePipeline pipeline) {
    this.kind = kind;
    this.obfuscated = obfuscated;
    this.pipeline = pipeline;
  }

  /**
   * A client transport.
   *
   * @param dcId DC id written into the obfuscated2 header as a signed int16 (+10000 for test DCs, negative for
   *     media DCs); unused when not obfuscated
   * @throws IllegalArgumentException for {@link TransportKind#FULL} with obfuscation, or a DC id outside int16
   */
  public static ClientTransport create(TransportKind kind, boolean obfuscated, int dcId) {
    return create(kind, obfuscated, dcId, null);
  }

  /**
   * A client transport for an MTProxy: obfuscated2 keys become {@code SHA256(key ‖ secret)}.
   *
   * @param proxySecret 16 bytes, or 17 starting with {@code dd}; null for a direct connection
   */
  public static ClientTransport create(TransportKind kind, boolean obfuscated, int dcId, byte[] proxySecret) {
    return create(kind, obfuscated, dcId, proxySecret, Framing.RANDOM);
  }

  static ClientTransport create(TransportKind kind, boolean obfuscated, int dcId, byte[] proxySecret,
                                SecureRandom random) {
    Objects.requireNonNull(kind, "kind");
    Framing framing = Framing.create(kind, true);
    if (!obfuscated) {
      if (proxySecret != null) {
        throw new IllegalArgumentException("an MTProxy secret needs obfuscation");
      }
      return new ClientTransport(kind, false, new FramePipeline(framing, null, framing.plainTag()));
    }
    byte[] init = Obfuscated2.newInit(random, kind, dcId);
    Obfuscated2 cipher = Obfuscated2.forClient(init, Obfuscated2.proxyKey(proxySecret));
    return new ClientTransport(kind, true, new FramePipeline(framing, cipher, cipher.header(init)));
  }

  /** Receives quick-ack tokens (bit 31 set) sent by the server; replaces the default, which ignores them. */
  public ClientTransport quickAckHandler(IntConsumer handler) {
    this.quickAckHandler = Objects.requireNonNull(handler, "handler");
    return this;
  }

  public TransportKind kind() {
    return kind;
  }

  public boolean obfuscated() {
    return obfuscated;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when the payload is over 16 MiB, or not a multiple of 4 bytes (abridged)
   */
  @Override
  public Buffer encode(Buffer payload) {
    return pipeline.encode(payload);
  }

  @Override
  public Buffer encodeOwned(Buffer payload) {
    return pipeline.encodeOwned(payload);
  }

  /**
   * {@inheritDoc}
   *
   * @throws TransportErrorException when the server sent a transport error
   */
  @Override
  public void decode(Buffer chunk, Consumer<Buffer> onFrame) {
    pipeline.decode(chunk, payload -> {
      if (payload.length() == 4 && payload.getIntLE(0) < 0) {
        throw new TransportErrorException(payload.getIntLE(0));
      }
      onFrame.accept(payload);
    }, quickAckHandler);
  }
}
