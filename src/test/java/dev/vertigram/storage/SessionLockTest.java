package dev.vertigram.storage;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static dev.vertigram.storage.StoreTestSupport.await;
import static dev.vertigram.storage.StoreTestSupport.awaitFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session folder: exclusive lock (same JVM and another process), owner-only permissions, temp clean-up. */
class SessionLockTest {

  private static Vertx vertx;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    await(vertx.close());
  }

  private StoreOptions options() {
    return new StoreOptions().setSession("child").setFolder(dir.resolve("s").toString());
  }

  @Test
  void secondOpenInTheSameJvmIsToldWhoOwnsTheSession() throws Exception {
    Store first = await(Store.open(vertx, options()));
    Throwable e = awaitFailure(Store.open(vertx, options()));
    SessionLockedException locked = assertInstanceOf(SessionLockedException.class, e);
    assertEquals(ProcessHandle.current().pid(), locked.owner().pid());
    assertNotNull(locked.owner().host());
    assertEquals(dir.resolve("s").toAbsolutePath().toString(), locked.owner().folder());
    assertTrue(locked.owner().sinceMillis() > 0);
    try (ChildJvm child = new ChildJvm("try", dir.resolve("s"))) {
      assertEquals("LOCKED " + ProcessHandle.current().pid(), child.expect("LOCKED"),
        "the failed attempt did not release this process's lock");
    }
    await(first.close());
    await(await(Store.open(vertx, options())).close());
  }

  @Test
  void anotherProcessHoldingTheLockIsDetectedAndKill9ReleasesIt() throws Exception {
    try (ChildJvm child = new ChildJvm("hold", dir.resolve("s"))) {
      child.expect("READY");
      SessionLockedException locked = assertInstanceOf(SessionLockedException.class,
        awaitFailure(Store.open(vertx, options())));
      assertEquals(child.pid(), locked.owner().pid());
      assertTrue(locked.getMessage().contains("locked by process " + child.pid()), locked.getMessage());
      child.kill9();
    }
    Store mine = await(Store.open(vertx, options()));
    await(mine.close());
  }

  @Test
  void filesAreReadableByTheirOwnerOnlyAndTempFilesAreCleanedUp() throws Exception {
    Store store = await(Store.open(vertx, options()));
    await(store.stringMap(Db.AUTH_KEYS).put("dc1.perm", Buffer.buffer("key")));
    await(store.longMap(Db.PEERS).put(1L, Buffer.buffer("peer")));
    await(store.close());
    Path s = dir.resolve("s");
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(s)));
    for (String f : new String[]{"session.lock", "store.json", "state.bin", "critical.bin"}) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(s.resolve(f))), f);
    }
    Files.writeString(s.resolve("state.bin.tmp"), "half-written");
    Store again = await(Store.open(vertx, options()));
    assertFalse(Files.exists(s.resolve("state.bin.tmp")));
    assertEquals(Buffer.buffer("peer"), await(again.longMap(Db.PEERS).get(1L)));
    await(again.close());
  }

  @Test
  void aFolderWithWiderPermissionsIsTightened() throws Exception {
    Path s = dir.resolve("s");
    Files.createDirectories(s);
    Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwxr-xr-x"));
    await(await(Store.open(vertx, options())).close());
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(s)));
  }
}
