package dev.vertigram.localdc.impl;

import dev.vertigram.crypto.Hashes;
import dev.vertigram.crypto.RsaKeyPair;
import dev.vertigram.crypto.SecurityCheckException;
import dev.vertigram.tl.TlCodec;
import dev.vertigram.tl.TlException;
import dev.vertigram.tl.TlReader;
import io.vertx.core.json.JsonObject;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Decrypts req_DH_params.encrypted_data into its p_q_inner_data: RSA_PAD (hash checked by {@link RsaKeyPair}), or the
 * legacy scheme {@code SHA1(data) ‖ data ‖ padding} under raw RSA, whose data is parsed by TL and whose SHA1 is checked
 * over the parsed length only.
 */
final class RsaInnerData {

  private RsaInnerData() {
  }

  /** The inner data, or a {@link SecurityCheckException} when neither scheme decodes it. */
  static JsonObject decode(RsaKeyPair rsa, TlCodec codec, byte[] encrypted) {
    byte[] padded;
    try {
      padded = rsa.decryptRsaPad(encrypted);
    } catch (SecurityCheckException e) {
      return legacy(rsa, codec, encrypted);
    }
    try {
      return codec.decode(new TlReader(padded));
    } catch (TlException e) {
      throw new SecurityCheckException("RSA_PAD data is not a TL object: " + e.getMessage());
    }
  }

  private static JsonObject legacy(RsaKeyPair rsa, TlCodec codec, byte[] encrypted) {
    byte[] raw = rsa.decryptRaw(encrypted);
    if (raw[0] != 0) {
      throw new SecurityCheckException("encrypted_data is neither RSA_PAD nor SHA1-padded RSA");
    }
    byte[] data = Arrays.copyOfRange(raw, 21, raw.length);
    TlReader reader = new TlReader(data);
    JsonObject inner;
    try {
      inner = codec.decode(reader);
    } catch (TlException e) {
      throw new SecurityCheckException("legacy RSA data is not a TL object: " + e.getMessage());
    }
    byte[] hash = Hashes.sha1(Arrays.copyOf(data, reader.position()));
    if (!MessageDigest.isEqual(hash, Arrays.copyOfRange(raw, 1, 21))) {
      throw new SecurityCheckException("legacy RSA data SHA1 mismatch");
    }
    return inner;
  }
}
