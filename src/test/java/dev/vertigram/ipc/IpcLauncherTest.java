package dev.vertigram.ipc;

import dev.vertigram.ipc.impl.EndpointFile;
import dev.vertigram.localdc.DcEndpoint;
import dev.vertigram.localdc.LocalDc;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.vertigram.ipc.IpcFixture.await;
import static dev.vertigram.ipc.IpcFixture.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Auto-start of a worker JVM when nobody owns the session; its idle exit; a worker that cannot start. */
class IpcLauncherTest {

  @Test
  void startsAWorkerThatServesThenExitsWhenIdle() throws Exception {
    LocalDc dc = IpcFixture.localDc();
    Path folder = Files.createTempDirectory("vertigram-ipc-launch");
    Path pem = folder.resolve("dc.pem");
    Files.writeString(pem, dc.publicKey().toPkcs1Pem());
    DcEndpoint dc1 = dc.endpoints().get(0);
    IpcClient forwarder = await(IpcLauncher.connectOrStart(IpcFixture.VERTX, folder,
        IpcLauncher.javaCommand(OwnerMain.class.getName(), folder.toString(), pem.toString(), dc1.host(),
            String.valueOf(dc1.port()), "500"), new IpcOptions()));
    assertEquals(3, await(forwarder.call(IpcForwardingTest.appConfig(3))).getInteger("hash"));
    assertTrue(Files.readString(folder.resolve(IpcLauncher.WORKER_LOG)).contains("READY"));
    await(forwarder.close());
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (Files.exists(folder.resolve(EndpointFile.JSON)) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertFalse(Files.exists(folder.resolve(EndpointFile.JSON)), "the idle worker closed its endpoint");
  }

  @Test
  void aWorkerThatCannotStartFailsWithItsLogTail() throws Exception {
    Path folder = Files.createTempDirectory("vertigram-ipc-launch");
    Throwable e = failure(IpcLauncher.connectOrStart(IpcFixture.VERTX, folder,
        IpcLauncher.javaCommand("dev.vertigram.NoSuchMain"), new IpcOptions()));
    assertTrue(e.getMessage().contains("exited with status 1"), e.getMessage());
    assertTrue(e.getMessage().contains("dev.vertigram.NoSuchMain"), e.getMessage());
  }
}
