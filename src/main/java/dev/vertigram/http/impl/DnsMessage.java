package dev.vertigram.http.impl;

import dev.vertigram.http.DohException;
import io.vertx.core.buffer.Buffer;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The DNS wire format (RFC 1035) as far as DNS over HTTPS needs it: a one-question recursive query, and the A / AAAA
 * records of an answer with their smallest TTL.
 */
public final class DnsMessage {

  public static final int TYPE_A = 1;
  public static final int TYPE_AAAA = 28;
  private static final int CLASS_IN = 1;
  private static final int RCODE_NXDOMAIN = 3;

  /** The addresses found (textual IPs) and the smallest TTL (seconds) among their records. */
  public record Answer(List<String> addresses, long ttlSeconds) {
  }

  private DnsMessage() {
  }

  /** A query for {@code name} (type A or AAAA) with id 0 and recursion desired, as RFC 8484 asks for caching. */
  public static Buffer query(String name, int type) {
    Buffer out = Buffer.buffer().appendUnsignedShort(0).appendUnsignedShort(0x0100).appendUnsignedShort(1)
        .appendUnsignedShort(0).appendUnsignedShort(0).appendUnsignedShort(0);
    for (String label : name.toLowerCase(Locale.ROOT).split("\\.")) {
      byte[] bytes = label.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      if (bytes.length == 0 || bytes.length > 63) {
        throw new IllegalArgumentException("bad host name '" + name + "': empty label or label over 63 bytes");
      }
      out.appendUnsignedByte((short) bytes.length).appendBytes(bytes);
    }
    return out.appendUnsignedByte((short) 0).appendUnsignedShort(type).appendUnsignedShort(CLASS_IN);
  }

  /**
   * The records of {@code type} in the answer section of {@code response}. A CNAME chain needs no following: a
   * recursive resolver puts the final records in the same answer.
   *
   * @throws DohException on a malformed message, an error rcode (NXDOMAIN named as such), or a non-response
   */
  public static Answer parse(Buffer response, int type, String name) {
    try {
      if (response.length() < 12 || (response.getUnsignedShort(2) & 0x8000) == 0) {
        throw new DohException("DNS answer for " + name + " is not a DNS response");
      }
      int rcode = response.getUnsignedShort(2) & 0xF;
      if (rcode == RCODE_NXDOMAIN) {
        throw new DohException("no such host " + name + " (NXDOMAIN)");
      }
      if (rcode != 0) {
        throw new DohException("DNS error for " + name + ": rcode " + rcode);
      }
      int questions = response.getUnsignedShort(4);
      int answers = response.getUnsignedShort(6);
      int pos = 12;
      for (int i = 0; i < questions; i++) {
        pos = skipName(response, pos) + 4;
      }
      List<String> addresses = new ArrayList<>();
      long ttl = Long.MAX_VALUE;
      for (int i = 0; i < answers; i++) {
        pos = skipName(response, pos);
        int rrType = response.getUnsignedShort(pos);
        long rrTtl = response.getUnsignedInt(pos + 4);
        int length = response.getUnsignedShort(pos + 8);
        pos += 10;
        if (pos + length > response.length()) {
          throw new DohException("malformed DNS answer for " + name + ": record past the end");
        }
        if (rrType == type && length == (type == TYPE_A ? 4 : 16)) {
          addresses.add(InetAddress.getByAddress(response.getBytes(pos, pos + length)).getHostAddress());
          ttl = Math.min(ttl, rrTtl);
        }
        pos += length;
      }
      return new Answer(addresses, addresses.isEmpty() ? 0 : ttl);
    } catch (IndexOutOfBoundsException | UnknownHostException e) {
      throw new DohException("malformed DNS answer for " + name + ": " + e.getMessage());
    }
  }

  /** The position after a (possibly compressed) name. */
  private static int skipName(Buffer msg, int pos) {
    while (true) {
      int len = msg.getUnsignedByte(pos);
      if (len == 0) {
        return pos + 1;
      }
      if ((len & 0xC0) == 0xC0) {
        return pos + 2;
      }
      if ((len & 0xC0) != 0) {
        throw new DohException("malformed DNS name at offset " + pos);
      }
      pos += 1 + len;
    }
  }
}
