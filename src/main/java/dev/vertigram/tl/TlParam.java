package dev.vertigram.tl;

/**
 * One parameter of a {@link TlCombinator}, in declaration order. A conditional parameter ({@code name:flags.3?Type})
 * names its flags field and bit; {@code flags:#} fields themselves are parameters of type {@code #}.
 */
public final class TlParam {

  private final String name;
  private final String type;
  private final String flagField;
  private final int flagBit;

  /** Compiled type (set while linking). */
  TlType compiled;
  /**
   * For conditional parameters: which flags word (0 for the first {@code #} field, 1 for the second) and the bit in
   * the codec's 64-bit view of both words ({@code 1L << (32 * flagSlot + flagBit)}); 0 for other parameters.
   */
  int flagSlot = -1;
  long mask;
  /** For {@code #} parameters: the flags word this field holds (0 or 1). */
  int slot = -1;

  TlParam(String name, String type, String flagField, int flagBit) {
    this.name = name;
    this.type = type;
    this.flagField = flagField;
    this.flagBit = flagBit;
  }

  /** Parameter name. */
  public String name() {
    return name;
  }

  /**
   * Type as written, without the flag condition: {@code "int"}, {@code "Vector<long>"}, {@code "InputPeer"},
   * {@code "#"}, {@code "true"}, {@code "!X"}. In the MTProto service schema binary {@code string}s read "bytes".
   */
  public String type() {
    return type;
  }

  /** The flags field this parameter depends on ({@code "flags"}, {@code "flags2"}), or null. */
  public String flagField() {
    return flagField;
  }

  /** The flag bit (0..31), or -1 when the parameter is not conditional. */
  public int flagBit() {
    return flagBit;
  }

  /** Whether the parameter is present only when its flag bit is set. */
  public boolean isConditional() {
    return flagField != null;
  }

  @Override
  public String toString() {
    return name + ":" + (flagField == null ? "" : flagField + "." + flagBit + "?") + type;
  }
}
