package dev.vertigram.storage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

import java.util.ArrayList;
import java.util.List;

/**
 * Main class of the child JVMs of the lock and crash tests.
 * <ul>
 *   <li>{@code hold <folder>}: opens a memory store, prints {@code READY}, waits until stdin closes.</li>
 *   <li>{@code try <folder>}: tries to open it, prints {@code LOCKED <owner pid>} or {@code OPENED}, exits.</li>
 *   <li>{@code crash <folder>}: opens a memory store and loops forever: round {@code i} puts 2000 new peers, writes
 *   update state {@code pts = i} and prints {@code ACK i} once that write completed; every third round it flushes
 *   and prints {@code SAVED i}. The test kills it with SIGKILL at a random moment.</li>
 * </ul>
 */
public final class ChildMain {

  static final int PEERS_PER_ROUND = 2000;

  private ChildMain() {
  }

  /** The value of peer {@code key}: 48 bytes derived from the key, so that a torn entry would be noticed. */
  static Buffer peerValue(long key) {
    Buffer b = Buffer.buffer(48).appendLong(key);
    for (int i = 0; i < 40; i++) {
      b.appendByte((byte) (key * 31 + i));
    }
    return b;
  }

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    StoreOptions options = new StoreOptions().setSession("child").setFolder(args[1]);
    if (args[0].equals("try")) {
      Throwable e = Store.open(vertx, options).compose(Store::close).map((Throwable) null).otherwise(t -> t)
        .toCompletionStage().toCompletableFuture().get();
      System.out.println(e instanceof SessionLockedException l ? "LOCKED " + l.owner().pid() : "OPENED " + e);
      StoreTestSupport.await(vertx.close());
      return;
    }
    Store store = StoreTestSupport.await(Store.open(vertx, options));
    if (args[0].equals("hold")) {
      System.out.println("READY " + ProcessHandle.current().pid());
      while (System.in.read() >= 0) {
        Thread.onSpinWait();
      }
      StoreTestSupport.await(store.close());
      StoreTestSupport.await(vertx.close());
      return;
    }
    StringMap updates = store.stringMap(Db.UPDATE_STATE);
    LongMap peers = store.longMap(Db.PEERS);
    Buffer pts = StoreTestSupport.await(updates.get("pts"));
    long i = pts == null ? 0 : pts.getLong(0);
    System.out.println("START " + i);
    while (true) {
      i++;
      List<Future<Void>> puts = new ArrayList<>(PEERS_PER_ROUND);
      for (long key = i * PEERS_PER_ROUND; key < (i + 1) * PEERS_PER_ROUND; key++) {
        puts.add(peers.put(key, peerValue(key)));
      }
      StoreTestSupport.await(Future.all(puts));
      StoreTestSupport.await(updates.put("pts", Buffer.buffer().appendLong(i)));
      System.out.println("ACK " + i);
      if (i % 3 == 0) {
        StoreTestSupport.await(store.flush());
        System.out.println("SAVED " + i);
      }
    }
  }
}
