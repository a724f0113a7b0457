/**
 * TL, the serialization of MTProto: the schema registry ({@link dev.vertigram.tl.TlSchema}), the codec between TL bytes
 * and Vert.x JSON ({@link dev.vertigram.tl.TlCodec}) and the low-level cursor and writer
 * ({@link dev.vertigram.tl.TlReader}, {@link dev.vertigram.tl.TlWriter}). Every problem is a
 * {@link dev.vertigram.tl.TlException} that names the field path and, when decoding, the byte offset.
 *
 * <p>How it works: {@code TlParser} reads the .tl text, {@code TlLinker} resolves every type to a shared
 * {@code TlType} and lays out each combinator as an array of parameters (its plan), and {@code TlDecoder} /
 * {@code TlEncoder} walk those plans with a switch on the type kind: no string parsing or reflection per call.
 */
package dev.vertigram.tl;
