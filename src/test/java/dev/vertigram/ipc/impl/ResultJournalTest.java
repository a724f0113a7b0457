package dev.vertigram.ipc.impl;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.vertigram.testing.Futures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The journal of IPC replies keeps recording after a compaction fails. */
class ResultJournalTest {

  static final Vertx VERTX = Vertx.vertx();

  @AfterAll
  static void close() {
    await(VERTX.close());
  }

  @Test
  void aFailedCompactionDoesNotStopTheLaterRecords() throws Exception {
    Path folder = Files.createTempDirectory("vertigram-journal");
    ResultJournal journal = await(ResultJournal.open(VERTX, folder, 100));
    // a non-empty directory where the compacted copy goes: the compaction after the big reply fails
    Path blocker = Files.createDirectories(folder.resolve(ResultJournal.FILE + ".tmp").resolve("x"));
    journal.record("c", 1, Buffer.buffer(new byte[(int) ResultJournal.COMPACT_BYTES + 1]));
    Path file = folder.resolve(ResultJournal.FILE);
    while (Files.size(file) <= ResultJournal.COMPACT_BYTES) {
      Thread.sleep(10);
    }
    synchronized (journal) {
      // the flush appends and compacts under this lock: holding it, the compaction has been tried
    }
    Files.delete(blocker);
    Files.delete(blocker.getParent());
    journal.record("c", 2, Buffer.buffer("second"));
    await(journal.close());

    ResultJournal reopened = await(ResultJournal.open(VERTX, folder, 100));
    Buffer second = reopened.reply("c", 2);
    assertNotNull(second, "the reply recorded after the failed compaction was lost");
    assertEquals("second", second.toString());
    assertEquals(2, reopened.size());
    await(reopened.close());
  }
}
