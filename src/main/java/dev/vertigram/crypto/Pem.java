package dev.vertigram.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Minimal PEM armour: finds the first {@code -----BEGIN X-----} block in a text, and writes single blocks. */
final class Pem {

  /**
   * One PEM block.
   *
   * @param type the label, e.g. {@code RSA PUBLIC KEY}
   * @param der the decoded body
   */
  record Block(String type, byte[] der) {
  }

  private static final String BEGIN = "-----BEGIN ";
  private static final String END = "-----END ";
  private static final String DASHES = "-----";

  private Pem() {
  }

  static Block read(String text) {
    int begin = text.indexOf(BEGIN);
    int typeEnd = begin < 0 ? -1 : text.indexOf(DASHES, begin + BEGIN.length());
    if (typeEnd < 0) {
      throw new IllegalArgumentException("no PEM block found");
    }
    String type = text.substring(begin + BEGIN.length(), typeEnd);
    String endMarker = END + type + DASHES;
    int end = text.indexOf(endMarker, typeEnd);
    if (end < 0) {
      throw new IllegalArgumentException("PEM block " + type + " is not terminated");
    }
    String body = text.substring(typeEnd + DASHES.length(), end);
    try {
      return new Block(type, Base64.getMimeDecoder().decode(body));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("PEM block " + type + " is not valid base64", e);
    }
  }

  static String write(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return BEGIN + type + DASHES + "\n" + body + "\n" + END + type + DASHES + "\n";
  }
}
