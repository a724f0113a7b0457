package dev.vertigram.bench;

import dev.vertigram.localdc.world.Mailbox;
import dev.vertigram.localdc.world.User;
import dev.vertigram.localdc.world.World;
import dev.vertigram.localdc.world.WorldCodec;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How long a Local DC snapshot holds the world lock (every DC waits for it meanwhile), for a world of U users with M
 * private messages each (default 100 × 1000): encoding the world into JSON lines under the lock (the former save)
 * against taking a {@link World#copy()} under it (the save now; encoding then runs without the lock). Median of 7
 * runs after 3 warm-ups. Writes bench/results/localdc-snapshot-lock.json.
 */
public final class SnapshotLockHarness {

  public static void main(String[] args) throws Exception {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int messages = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    World w = world(users, messages);
    double encodeMs = medianMillis(() -> w.locked(() -> {
      List<String> lines = new ArrayList<>();
      WorldCodec.encode(w).forEach(r -> lines.add(r.encode()));
      return lines.size();
    }));
    double copyMs = medianMillis(() -> w.locked(w::copy).users().size());
    double encodeCopyMs = medianMillis(() -> {
      World copy = w.locked(w::copy);
      List<String> lines = new ArrayList<>();
      WorldCodec.encode(copy).forEach(r -> lines.add(r.encode()));
      return lines.size();
    });
    String json = new JsonObject().put("benchmark", "localdc-snapshot-lock").put("users", users)
        .put("messagesPerUser", messages).put("lockHeldMsBefore_encodeUnderLock", encodeMs)
        .put("lockHeldMsAfter_copyUnderLock", copyMs).put("wholeSaveCaptureMsAfter_copyThenEncode", encodeCopyMs)
        .put("loadAverage1m", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
        .encodePrettily();
    Files.createDirectories(Path.of("bench/results"));
    Files.writeString(Path.of("bench/results/localdc-snapshot-lock.json"), json);
    System.out.println(json);
  }

  private static World world(int users, int messages) {
    World w = new World();
    w.locked(() -> {
      List<User> all = new ArrayList<>();
      for (int i = 0; i < users; i++) {
        all.add(w.createUser("99966" + String.format("%05d", i), "User" + i, "", 1));
      }
      for (User u : all) {
        Mailbox box = u.mailbox();
        for (int m = 0; m < messages; m++) {
          int id = box.nextMessageId();
          JsonObject message = new JsonObject().put("_", "message").put("id", id)
              .put("from_id", new JsonObject().put("_", "peerUser").put("user_id", all.get(m % users).id()))
              .put("peer_id", new JsonObject().put("_", "peerUser").put("user_id", all.get(m % users).id()))
              .put("date", 1_700_000_000 + m).put("message", "message number " + m + " with some text in it");
          box.messages().put(id, message);
          box.addEvent(new JsonObject().put("_", "updateNewMessage").put("message", message), 1, 1_700_000_000 + m);
        }
      }
      return null;
    });
    return w;
  }

  private interface Run {
    int run();
  }

  private static double medianMillis(Run run) {
    long sink = 0;
    for (int i = 0; i < 3; i++) {
      sink += run.run();
    }
    double[] ms = new double[7];
    for (int i = 0; i < ms.length; i++) {
      long t0 = System.nanoTime();
      sink += run.run();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    if (sink == 42) {
      System.out.println();
    }
    Arrays.sort(ms);
    return ms[ms.length / 2];
  }
}
