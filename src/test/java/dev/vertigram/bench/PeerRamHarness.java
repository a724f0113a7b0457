package dev.vertigram.bench;

import dev.vertigram.peers.PeerDatabase;
import dev.vertigram.storage.Store;
import dev.vertigram.storage.StoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * RAM per peer with N peers (default 1M) in the peer database over the memory store (full slimming defaults): users
 * with a name, a third with a username, fed 1000 per users vector. Writes bench/results/peer-ram.json.
 */
public final class PeerRamHarness {

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Vertx vertx = Vertx.vertx();
    Path dir = Files.createTempDirectory("peer-ram");
    Store store = Store.open(vertx, new StoreOptions().setSession("ram").setFolder(dir.toString()))
        .toCompletionStage().toCompletableFuture().get();
    PeerDatabase db = PeerDatabase.load(store, m -> Future.failedFuture("offline"))
        .toCompletionStage().toCompletableFuture().get();
    long before = used();
    for (int i = 1; i <= n; i += 1000) {
      JsonArray users = new JsonArray();
      for (int j = i; j < i + 1000 && j <= n; j++) {
        JsonObject u = new JsonObject().put("_", "user").put("id", (long) j).put("access_hash", j * 31L)
            .put("first_name", "User" + j);
        if (j % 3 == 0) {
          u.put("username", "user" + j);
        }
        users.add(u);
      }
      db.feed(new JsonObject().put("users", users));
    }
    Thread.sleep(2000);
    long after = used();
    double perPeer = (after - before) / (double) n;
    String json = new JsonObject().put("benchmark", "peer-ram").put("peers", n).put("bytesPerPeer", perPeer)
        .put("peerDbSize", db.size()).put("note", "heap delta after GC, memory store incl. usernames db").encodePrettily();
    Files.createDirectories(Path.of("bench/results"));
    Files.writeString(Path.of("bench/results/peer-ram.json"), json);
    System.out.println(json);
    vertx.close();
    System.exit(0);
  }

  private static long used() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }
}
