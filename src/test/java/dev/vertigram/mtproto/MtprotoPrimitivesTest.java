package dev.vertigram.mtproto;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MtprotoPrimitivesTest {

  @Test
  void messageIdsIncreaseAndKeepTheirResidue() {
    MessageIdClock clock = new MessageIdClock();
    long last = 0;
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      int residue = (i % 3 == 0) ? 0 : (i % 3 == 1 ? 1 : 3);
      long id = clock.next(residue);
      assertEquals(residue, id & 3);
      assertTrue(Long.compareUnsigned(id, last) > 0, "ids must strictly increase");
      assertNotEquals(0, id & 0xFFFF_FFFFL, "low 32 bits must not be 0");
      assertTrue(seen.add(id));
      last = id;
    }
    long now = System.currentTimeMillis() / 1000;
    assertTrue(Math.abs(MessageIdClock.secondsOf(last) - now) <= 2);
  }

  @Test
  void messageIdsCarryTheMillisecondOfTheirTime() {
    MessageIdClock clock = new MessageIdClock();
    long before = System.currentTimeMillis();
    long id = clock.next(1);
    long after = System.currentTimeMillis();
    long millis = MessageIdClock.secondsOf(id) * 1000 + (((id & 0xFFFF_FFFFL) * 1000) >>> 32);
    assertTrue(millis >= before - 1 && millis <= after,
        "id " + Long.toHexString(id) + " tells " + millis + ", made between " + before + " and " + after);
  }

  @Test
  void aClockStartedLaterNeverRepeatsTheIdsOfAnEarlierOne() {
    // a Local DC restarted from its state starts a new clock, often within the same second as the old one's last id
    MessageIdClock old = new MessageIdClock();
    long last = 0;
    for (int i = 0; i < 100; i++) {
      last = old.next(1);
    }
    long t = System.currentTimeMillis();
    while (System.currentTimeMillis() <= t + 1) {
      Thread.onSpinWait();
    }
    long first = new MessageIdClock().next(1);
    assertTrue(Long.compareUnsigned(first, last) > 0,
        Long.toHexString(first) + " must be above " + Long.toHexString(last));
  }

  @Test
  void clockFollowsTheServerTime() {
    MessageIdClock clock = new MessageIdClock();
    long serverNow = System.currentTimeMillis() / 1000 + 3600;
    clock.syncSeconds(serverNow);
    assertTrue(Math.abs(clock.serverSeconds() - serverNow) <= 1);
    assertTrue(Math.abs(MessageIdClock.secondsOf(clock.next(0)) - serverNow) <= 1);
    clock.syncToMsgId((serverNow - 7200) << 32 | 1);
    assertTrue(Math.abs(clock.serverSeconds() - (serverNow - 7200)) <= 1);
    // even after the clock moves back, ids keep increasing
    long a = clock.next(0);
    clock.syncSeconds(serverNow - 100_000);
    assertTrue(Long.compareUnsigned(clock.next(0), a) > 0);
  }

  @Test
  void seqnoFollowsContentRelatedCount() {
    SeqNoCounter seq = new SeqNoCounter();
    assertEquals(1, seq.next(true));
    assertEquals(3, seq.next(true));
    assertEquals(4, seq.next(false)); // VECTORS §13: the container after two queries takes 4
    assertEquals(5, seq.next(true));
    assertEquals(6, seq.next(false));
    seq.reset();
    assertEquals(0, seq.next(false));
  }

  @Test
  void plainMessageRoundTripAndRejects() {
    Buffer body = Buffer.buffer().appendIntLE(0xbe7e8ef1).appendBytes(new byte[16]);
    Buffer wire = PlainMessage.encode(0x5bbe8e4e00003520L, body);
    assertEquals(20 + 20, wire.length());
    assertTrue(PlainMessage.isPlain(wire));
    MtMessage m = PlainMessage.decode(wire);
    assertEquals(0x5bbe8e4e00003520L, m.msgId());
    assertEquals(body, m.body());
    // VECTORS §13: a 4-byte body makes a 24-byte message
    assertEquals(24, PlainMessage.encode(4, Buffer.buffer(new byte[4])).length());

    Buffer badLength = wire.copy().setIntLE(16, 1000);
    assertThrows(MtprotoException.class, () -> PlainMessage.decode(badLength));
    Buffer notPlain = wire.copy().setLongLE(0, 42);
    assertThrows(MtprotoException.class, () -> PlainMessage.decode(notPlain));
    assertThrows(MtprotoException.class, () -> PlainMessage.decode(Buffer.buffer(new byte[10])));
  }

  @Test
  void containerLayoutMatchesTelethon() {
    // VECTORS §13 (Telethon test_correct_multi_serialization): "Hey!" seqno 1, "Bye!" seqno 3.
    MtMessage hey = new MtMessage(0x100L << 32, 1, Buffer.buffer("Hey!"));
    MtMessage bye = new MtMessage((0x100L << 32) + 4, 3, Buffer.buffer("Bye!"));
    Buffer body = MsgContainer.pack(List.of(hey, bye));
    Buffer expected = Buffer.buffer()
        .appendBytes(hex("dcf8f173")).appendBytes(hex("02000000"))
        .appendLongLE(hey.msgId()).appendBytes(hex("01000000")).appendBytes(hex("04000000")).appendString("Hey!")
        .appendLongLE(bye.msgId()).appendBytes(hex("03000000")).appendBytes(hex("04000000")).appendString("Bye!");
    assertEquals(expected, body);
    assertEquals(0x30, body.length()); // the length field Telethon prints: 30000000
    List<MtMessage> back = MsgContainer.unpack(body, (0x100L << 32) + 8);
    assertEquals(List.of(hey, bye), back);
  }

  @Test
  void containerValidation() {
    long cid = 1000L << 32;
    MtMessage a = new MtMessage(cid - 8, 1, Buffer.buffer("abcd"));
    Buffer good = MsgContainer.pack(List.of(a));
    assertEquals(1, MsgContainer.unpack(good, cid).size());

    assertThrows(MtprotoException.class, () -> MsgContainer.unpack(good, cid - 8), "inner id must be below");
    assertThrows(MtprotoException.class, () -> MsgContainer.unpack(good.copy().setIntLE(4, 5000), cid), "count");
    assertThrows(MtprotoException.class, () -> MsgContainer.unpack(good.copy().setIntLE(4, -1), cid), "count");
    assertThrows(MtprotoException.class, () -> MsgContainer.unpack(good.copy().setIntLE(20, 8), cid), "length");
    assertThrows(MtprotoException.class, () -> MsgContainer.unpack(good.copy().setIntLE(20, 3), cid), "length % 4");
    assertThrows(MtprotoException.class, () -> MsgContainer.unpack(good.copy().appendIntLE(0), cid), "trailing");
    MtMessage nested = new MtMessage(cid - 4, 2, good);
    assertThrows(MtprotoException.class, () -> MsgContainer.unpack(MsgContainer.pack(List.of(nested)), cid));
    Buffer twice = MsgContainer.pack(List.of(a, a));
    assertThrows(MtprotoException.class, () -> MsgContainer.unpack(twice, cid), "duplicate msg_id");
    assertThrows(MtprotoException.class, () -> MsgContainer.unpack(Buffer.buffer("abcd"), cid));
    assertFalse(MsgContainer.isContainer(Buffer.buffer("ab")));
  }

  @Test
  void msgIdWindowVerdicts() {
    long now = System.currentTimeMillis() / 1000;
    MsgIdWindow client = new MsgIdWindow(true);
    long id = (now << 32) | 1;
    assertEquals(MsgIdWindow.Verdict.OK, client.check(id, now, true));
    assertEquals(MsgIdWindow.Verdict.DUPLICATE, client.check(id, now, true));
    assertEquals(MsgIdWindow.Verdict.BAD_RESIDUE, client.check(id + 3, now, true));
    assertEquals(MsgIdWindow.Verdict.OK, client.check(id + 2, now, true)); // 3 mod 4 is fine from a server
    assertEquals(MsgIdWindow.Verdict.TOO_OLD, client.check(((now - 301) << 32) | 1, now, true));
    assertEquals(MsgIdWindow.Verdict.TOO_NEW, client.check(((now + 31) << 32) | 1, now, true));
    assertEquals(MsgIdWindow.Verdict.OK, client.check(((now + 31) << 32) | 1, now, false));

    MsgIdWindow server = new MsgIdWindow(false);
    assertEquals(MsgIdWindow.Verdict.BAD_RESIDUE, server.check(id, now, true));
    long base = (now << 32);
    for (int i = 1; i <= MsgIdWindow.REMEMBERED; i++) {
      assertEquals(MsgIdWindow.Verdict.OK, server.check(base + 4L * i, now, true));
    }
    assertEquals(MsgIdWindow.Verdict.BELOW_WINDOW, server.check(base, now, true));
    assertEquals(MsgIdWindow.Verdict.DUPLICATE, server.check(base + 4L * MsgIdWindow.REMEMBERED, now, true));
    assertEquals(MsgIdWindow.Verdict.OK, server.check(base + 4L * (MsgIdWindow.REMEMBERED + 1), now, true));
  }

  static byte[] hex(String s) {
    s = s.replaceAll("\\s", "");
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }
}
