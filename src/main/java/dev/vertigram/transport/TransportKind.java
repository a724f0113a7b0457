package dev.vertigram.transport;

/**
 * The MTProto TCP framings. Each one may also run inside obfuscated2, except {@link #FULL}: the obfuscated2
 * header only has protocol tags for abridged, intermediate and padded intermediate.
 */
public enum TransportKind {
  /** 1- or 4-byte length in 4-byte words; tag {@code ef}. */
  ABRIDGED(0xefefefef),
  /** 4-byte LE length; tag {@code eeeeeeee}. */
  INTERMEDIATE(0xeeeeeeee),
  /** Intermediate plus 0..15 random bytes of padding per frame; tag {@code dddddddd}. */
  PADDED_INTERMEDIATE(0xdddddddd),
  /** Length, per-direction sequence number and CRC32; no tag. */
  FULL(0);

  private final int obfuscatedTag;

  TransportKind(int obfuscatedTag) {
    this.obfuscatedTag = obfuscatedTag;
  }

  /** The 4 bytes (as a LE int) written at obfuscated2 {@code init[56:60]}; 0 when the kind cannot be obfuscated. */
  int obfuscatedTag() {
    return obfuscatedTag;
  }

  /** Whether this framing can run inside obfuscated2. */
  public boolean supportsObfuscation() {
    return obfuscatedTag != 0;
  }

  /** The kind announced by an obfuscated2 protocol tag, or null when the tag is unknown. */
  static TransportKind fromObfuscatedTag(int tag) {
    for (TransportKind kind : values()) {
      if (kind.obfuscatedTag == tag && tag != 0) {
        return kind;
      }
    }
    return null;
  }
}
