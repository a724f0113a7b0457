package dev.vertigram.storage.impl.memory;

import dev.vertigram.storage.Db;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotFileTest {

  private static byte[] sample() throws IOException {
    LongBytesMap peers = new LongBytesMap();
    peers.put(-1001234567890L, new byte[]{1, 2, 3});
    peers.put(7, new byte[300]);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SnapshotFile.write(out, List.of(DbSnapshot.of(Db.PEERS, peers),
      DbSnapshot.of(Db.USERNAMES, Map.of("алиса", new byte[]{9}, "", new byte[0]))));
    return out.toByteArray();
  }

  @Test
  void roundTrip() throws IOException {
    List<String> got = new ArrayList<>();
    SnapshotFile.read(sample(), "f", (db, id, name, value) ->
      got.add(db.key() + ":" + (db.longKeys() ? Long.toString(id) : name) + "=" + value.length));
    got.sort(null);
    assertEquals(List.of("peers:-1001234567890=3", "peers:7=300", "usernames:=0", "usernames:алиса=1"), got);
  }

  @Test
  void refusesDamagedOrNewerFiles() throws IOException {
    byte[] good = sample();
    for (int i = 0; i < good.length; i += 7) {
      byte[] bad = good.clone();
      bad[i] ^= 0x10;
      IOException e = assertThrows(IOException.class, () -> SnapshotFile.read(bad, "f", (db, id, n, v) -> { }));
      assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }
    byte[] cut = java.util.Arrays.copyOf(good, good.length - 5);
    assertThrows(IOException.class, () -> SnapshotFile.read(cut, "f", (db, id, n, v) -> { }));

    byte[] newer = good.clone();
    newer[5] = 2;
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(newer, 0, newer.length - 4);
    java.nio.ByteBuffer.wrap(newer).putInt(newer.length - 4, (int) crc.getValue());
    IOException e = assertThrows(IOException.class, () -> SnapshotFile.read(newer, "f", (db, id, n, v) -> { }));
    assertEquals("f has format 2; this version reads up to 1", e.getMessage());
  }
}
