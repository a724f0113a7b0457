package dev.vertigram.tl;

/**
 * Every TL decode or encode problem. The message names the place: the field path from the outermost combinator and,
 * when decoding, the byte offset where the problem was found, e.g.
 * {@code "messages.messages.messages[3].message (offset 1234): truncated: need 4 bytes, 2 left"}.
 *
 * <p>The path is assembled while the exception unwinds through the codec, so building it costs nothing on success.
 */
public final class TlException extends RuntimeException {

  private final String reason;
  private final int offset;
  private String root = "";
  private String path = "";

  /** A problem with no byte offset (encoding, schema). */
  public TlException(String reason) {
    this(reason, -1);
  }

  /** A decoding problem found at {@code offset} (relative to the start of the reader's buffer). */
  public TlException(String reason, int offset) {
    super(reason);
    this.reason = reason;
    this.offset = offset;
  }

  /** What went wrong, without the place. */
  public String reason() {
    return reason;
  }

  /** Byte offset of the problem, or -1 when encoding. */
  public int offset() {
    return offset;
  }

  /** Field path, e.g. {@code messages.sendMessage.peer}, or "" when the problem is at the top level. */
  public String path() {
    return root + path;
  }

  @Override
  public String getMessage() {
    String where = path();
    String at = offset < 0 ? "" : (where.isEmpty() ? "" : " ") + "(offset " + offset + ")";
    return where.isEmpty() && at.isEmpty() ? reason : where + at + ": " + reason;
  }

  /** Records that the problem happened in field {@code field} of combinator {@code combinator}. */
  TlException inField(String combinator, String field) {
    path = "." + field + path;
    root = combinator;
    return this;
  }

  /** Records that the problem happened in element {@code index} of a vector (element names are not shown). */
  TlException inElement(int index) {
    path = "[" + index + "]" + path;
    root = "";
    return this;
  }

  /** Records that the problem happened inside a gzip_packed object; offsets are then in the inflated bytes. */
  TlException inGzip() {
    path = "<gzip>" + root + path;
    root = "";
    return this;
  }
}
