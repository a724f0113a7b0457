package dev.vertigram.tl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Each kind of hostile input gives a TlException naming the field path and the offset. */
class TlHostileInputTest {

  private final TlCodec codec = TlCodec.api();

  @Test
  void unknownId() {
    TlException e = decodeFails(new TlWriter().writeInt(0xdeadbeef).toBuffer());
    assertEquals(0, e.offset());
    assertTrue(e.getMessage().contains("unknown id deadbeef"), e.getMessage());
  }

  @Test
  void wrongConstructorForTheType() {
    // inputPeerUserFromMessage.peer must be an InputPeer; give it inputUserSelf.
    Buffer b = new TlWriter().writeInt(0xa87b0a1c).writeInt(0xf7c1b13f).writeInt(1).writeLong(2).toBuffer();
    TlException e = decodeFails(b);
    assertEquals("inputPeerUserFromMessage.peer", e.path());
    assertEquals(4, e.offset());
    assertTrue(e.getMessage().contains("inputUserSelf#f7c1b13f (InputUser) where InputPeer was expected"),
        e.getMessage());
  }

  @Test
  void truncationAnywhereNamesThePlace() {
    Buffer full = codec.encode(messages());
    for (int len = 0; len < full.length(); len++) {
      decodeFails(full.getBuffer(0, len));
    }
    // Cut inside the text of the second message.
    int cut = full.length() - 40;
    TlException e = decodeFails(full.getBuffer(0, cut));
    assertTrue(e.getMessage().startsWith("messages.messages.messages[1].message (offset "), e.getMessage());
    assertTrue(e.getMessage().contains("past the end"), e.getMessage());
  }

  @Test
  void trailingBytes() {
    Buffer b = codec.encode(new JsonObject().put("_", "inputPeerSelf")).appendInt(0);
    assertTrue(decodeFails(b).getMessage().contains("4 bytes left after the object"));
  }

  @Test
  void lengthPastTheEnd() {
    // rpc_error with an error_message claiming 0xffffff bytes.
    Buffer b = new TlWriter().writeInt(0x2144ca19).writeInt(400).writeInt(0xfffffffe).writeInt(0).toBuffer();
    TlException e = decodeFails(b);
    assertEquals("rpc_error.error_message", e.path());
    assertEquals(8, e.offset());
  }

  @Test
  void hugeVectorCountIsRejectedBeforeAllocating() {
    for (int count : new int[] {Integer.MAX_VALUE, -1, 3}) {
      // msgs_ack msg_ids:Vector<long> with `count` elements announced and 16 bytes present.
      Buffer b = new TlWriter().writeInt(0x62d6b459).writeInt(0x1cb5c415).writeInt(count).writeLong(1).writeLong(2)
          .toBuffer();
      TlException e = decodeFails(b);
      assertEquals("msgs_ack.msg_ids", e.path());
      assertTrue(e.getMessage().contains("vector count " + count + " too large"), e.getMessage());
    }
  }

  @Test
  void nestingIsBounded() {
    // inputPeerUserFromMessage nests an InputPeer: 100 levels deep.
    TlWriter w = new TlWriter();
    for (int i = 0; i < 100; i++) {
      w.writeInt(0xa87b0a1c);
    }
    w.writeInt(0x7da07ec9);
    for (int i = 0; i < 100; i++) {
      w.writeInt(1).writeLong(2);
    }
    TlException e = decodeFails(w.toBuffer());
    assertTrue(e.getMessage().contains("nesting deeper than 64"), e.getMessage());
    assertTrue(e.path().startsWith("inputPeerUserFromMessage.peer.peer.peer."), e.path());
  }

  @Test
  void gzipPackedIsInflatedAnywhere() throws IOException {
    JsonObject pong = new JsonObject().put("_", "pong").put("msg_id", 1L).put("ping_id", 2L);
    Buffer packed = gzipPacked(codec.encode(pong).getBytes());
    JsonAssert.assertSameJson(pong, codec.decode(packed));
    Buffer rpc = new TlWriter().writeInt(0xf35c6d01).writeLong(7).writeRaw(packed).toBuffer();
    JsonAssert.assertSameJson(new JsonObject().put("_", "rpc_result").put("req_msg_id", 7L).put("result", pong),
        codec.decode(rpc));
    JsonObject ids = new JsonObject().put("_", "vector").put("value", new JsonArray().add(5L).add(6L));
    Buffer vector = new TlWriter().writeInt(0x1cb5c415).writeInt(2).writeLong(5).writeLong(6).toBuffer();
    // photos.deletePhotos returns Vector<long>.
    JsonAssert.assertSameJson(ids, codec.decodeResult("photos.deletePhotos", new TlReader(gzipPacked(vector.getBytes()))));
  }

  @Test
  void gzipBombAndCorruptGzip() throws IOException {
    byte[] zeros = new byte[GzipPacked.MAX_INFLATED + 4096];
    TlException bomb = decodeFails(gzipPacked(zeros));
    assertTrue(bomb.getMessage().contains("inflates past"), bomb.getMessage());
    Buffer corrupt = new TlWriter().writeInt(0x3072cfa1).writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3})
        .toBuffer();
    assertTrue(decodeFails(corrupt).getMessage().contains("corrupt gzip_packed"));
  }

  /** Three 12 MiB gzip_packed bodies in one container: the 32 MiB budget is for the whole decode call. */
  @Test
  void inflationBudgetIsPerCall() throws IOException {
    TlWriter ack = new TlWriter().writeInt(0x62d6b459).writeInt(0x1cb5c415).writeInt(1_500_000);
    ack.writeRaw(new byte[12_000_000]);
    Buffer packed = gzipPacked(ack.toByteArray());
    JsonArray messages = new JsonArray();
    for (int i = 0; i < 3; i++) {
      messages.add(new JsonObject().put("msg_id", (long) i).put("seqno", i).put("body", packed));
    }
    Buffer container = codec.encode(new JsonObject().put("_", "msg_container").put("messages", messages));
    TlException e = decodeFails(container);
    assertEquals("msg_container.messages[2].body", e.path());
    assertTrue(e.getMessage().contains("inflates past"), e.getMessage());
  }

  @Test
  void containerBodyMustFillItsLength() {
    JsonObject c = new JsonObject().put("_", "msg_container").put("messages", new JsonArray().add(new JsonObject()
        .put("msg_id", 1L).put("seqno", 1).put("body", new JsonObject().put("_", "inputPeerSelf"))));
    Buffer ok = codec.encode(c);
    Buffer longer = ok.getBuffer(0, 20).appendIntLE(8).appendBuffer(ok.getBuffer(24, 28)).appendIntLE(0);
    TlException e = decodeFails(longer);
    assertEquals("msg_container.messages[0].body", e.path());
    assertTrue(e.getMessage().contains("4 bytes left over in a body of 8"), e.getMessage());
  }

  private TlException decodeFails(Buffer b) {
    return assertThrows(TlException.class, () -> codec.decode(b));
  }

  private static Buffer gzipPacked(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(data);
    }
    return new TlWriter().writeInt(0x3072cfa1).writeBytes(bytes.toByteArray()).toBuffer();
  }

  /** A messages.messages with two messages and no users or chats. */
  private static JsonObject messages() {
    JsonArray list = new JsonArray();
    for (int i = 1; i <= 2; i++) {
      list.add(new JsonObject().put("_", "message").put("id", i).put("peer_id",
          new JsonObject().put("_", "peerUser").put("user_id", 42L)).put("date", 1700000000).put("message",
          "hello number " + i + ", a text long enough to be cut in the middle"));
    }
    return new JsonObject().put("_", "messages.messages").put("messages", list).put("topics", new JsonArray())
        .put("chats", new JsonArray()).put("users", new JsonArray());
  }
}
