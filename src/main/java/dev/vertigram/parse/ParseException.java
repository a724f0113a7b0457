package dev.vertigram.parse;

/**
 * Malformed formatted text (HTML or MarkdownV2): an unclosed or unmatched tag, a reserved character that is not
 * escaped, a bad character reference, an unpaired surrogate...
 *
 * <p>The message names the syntax and the position, e.g.
 * {@code "MarkdownV2 at position 12: character '.' is reserved and must be escaped with a preceding '\'"}.
 * {@link #position()} is the index (in UTF-16 units, as {@link String#charAt}) in the source text.
 */
public final class ParseException extends RuntimeException {

  private final int position;

  /**
   * @param syntax   the syntax being parsed ("HTML", "MarkdownV2")
   * @param position index of the offending character in the source
   * @param message  what is wrong
   */
  public ParseException(String syntax, int position, String message) {
    super(syntax + " at position " + position + ": " + message);
    this.position = position;
  }

  /** Index in the source text (UTF-16 units) of the construct that could not be parsed. */
  public int position() {
    return position;
  }
}
