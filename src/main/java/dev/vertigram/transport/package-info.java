/**
 * MTProto TCP transports: abridged, intermediate, padded intermediate and full framings, each plain or inside
 * obfuscated2 (except full, which has no obfuscated2 tag), for the client and for the Local DC.
 *
 * <ul>
 *   <li>{@link dev.vertigram.transport.ClientTransport} / {@link dev.vertigram.transport.ServerTransport}: byte
 *       codecs ({@link dev.vertigram.transport.FrameCodec}) without I/O. The server sniffs the client's framing.</li>
 *   <li>{@link dev.vertigram.transport.TcpConnector} opens connections (optionally through a SOCKS5 or HTTP
 *       CONNECT proxy, per {@link dev.vertigram.transport.TransportOptions});
 *       {@link dev.vertigram.transport.TransportConnection} drives a codec over a Vert.x socket.</li>
 *   <li>Errors: {@link dev.vertigram.transport.TransportException} for a broken stream (bad framing, CRC, seq,
 *       frames over 16 MiB); {@link dev.vertigram.transport.TransportErrorException} for a server's -404/-429/-444.
 *       Quick acks reach {@link dev.vertigram.transport.ClientTransport#quickAckHandler}.</li>
 *   <li>Padded intermediate delivers exact payloads: the padding is cut using the MTProto packet shape (see
 *       {@code PaddedIntermediateFraming}).</li>
 * </ul>
 */
package dev.vertigram.transport;
