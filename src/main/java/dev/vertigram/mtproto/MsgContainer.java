package dev.vertigram.mtproto;

import io.vertx.core.buffer.Buffer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code msg_container#73f1f8dc messages:vector<message>}, where {@code message = msg_id:long seqno:int bytes:int body:Object}
 * (all bare). Reading validates the whole container, as a server must and a careful client should.
 */
public final class MsgContainer {

  /** Constructor id of msg_container. */
  public static final int ID = 0x73f1f8dc;
  /** The protocol's limit on messages per container. */
  public static final int MAX_MESSAGES = 1024;
  /** Bytes a message adds to a container besides its body: msg_id, seqno and length. */
  public static final int PER_MESSAGE_OVERHEAD = 16;

  private MsgContainer() {
  }

  /** Serializes messages into a container body. */
  public static Buffer pack(List<MtMessage> messages) {
    if (messages.size() > MAX_MESSAGES) {
      throw new IllegalArgumentException("a container holds at most " + MAX_MESSAGES + " messages");
    }
    int size = 8;
    for (MtMessage m : messages) {
      size += PER_MESSAGE_OVERHEAD + m.body().length();
    }
    Buffer out = Buffer.buffer(size).appendIntLE(ID).appendIntLE(messages.size());
    for (MtMessage m : messages) {
      out.appendLongLE(m.msgId()).appendIntLE(m.seqno()).appendIntLE(m.body().length()).appendBuffer(m.body());
    }
    return out;
  }

  /** Whether a body is a container. */
  public static boolean isContainer(Buffer body) {
    return body.length() >= 4 && body.getIntLE(0) == ID;
  }

  /**
   * Reads a container body and checks it: at most 1024 messages, every length in bounds and divisible by 4, no
   * nested container, every inner msg_id below the container's, no msg_id twice, and nothing after the last message.
   *
   * @throws MtprotoException naming the first rule broken
   */
  public static List<MtMessage> unpack(Buffer body, long containerMsgId) {
    List<MtMessage> out = unpackAllowingRepeats(body, containerMsgId);
    long[] ids = new long[out.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = out.get(i).msgId();
    }
    Arrays.sort(ids);
    for (int i = 1; i < ids.length; i++) {
      if (ids[i] == ids[i - 1]) {
        throw new MtprotoException("msg_container repeats msg_id " + ids[i]);
      }
    }
    return out;
  }

  /**
   * {@link #unpack} without the check for repeated msg_ids, for a receiver that drops a second copy by itself (its
   * msg_id window does): a client keeps the rest of a container a server filled with a re-sent message twice.
   *
   * @throws MtprotoException naming the first rule broken
   */
  public static List<MtMessage> unpackAllowingRepeats(Buffer body, long containerMsgId) {
    if (!isContainer(body) || body.length() < 8) {
      throw new MtprotoException("not a msg_container");
    }
    int count = body.getIntLE(4);
    if (count < 0 || count > MAX_MESSAGES || (long) count * PER_MESSAGE_OVERHEAD > body.length() - 8) {
      throw new MtprotoException("msg_container count " + count + " is invalid for " + body.length() + " bytes");
    }
    List<MtMessage> out = new ArrayList<>(count);
    int pos = 8;
    for (int i = 0; i < count; i++) {
      if (body.length() - pos < PER_MESSAGE_OVERHEAD) {
        throw new MtprotoException("msg_container message " + i + " is truncated");
      }
      long msgId = body.getLongLE(pos);
      int seqno = body.getIntLE(pos + 8);
      int length = body.getIntLE(pos + 12);
      pos += PER_MESSAGE_OVERHEAD;
      if (length < 4 || (length & 3) != 0 || length > body.length() - pos) {
        throw new MtprotoException("msg_container message " + i + " has bad length " + length);
      }
      if (Long.compareUnsigned(msgId, containerMsgId) >= 0) {
        throw new MtprotoException("msg_container message " + i + " has msg_id not below the container's");
      }
      Buffer inner = body.slice(pos, pos + length);
      if (isContainer(inner)) {
        throw new MtprotoException("nested msg_container at message " + i);
      }
      out.add(new MtMessage(msgId, seqno, inner));
      pos += length;
    }
    if (pos != body.length()) {
      throw new MtprotoException("msg_container has " + (body.length() - pos) + " trailing bytes");
    }
    return out;
  }
}
