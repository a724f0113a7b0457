package dev.vertigram.ipc;

import dev.vertigram.client.RpcException;
import dev.vertigram.localdc.DcEndpoint;
import dev.vertigram.localdc.LocalDc;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.vertigram.ipc.IpcFixture.await;
import static dev.vertigram.ipc.IpcFixture.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The owner in a second JVM: calls and RPC errors forwarded, then the owner killed (-9) mid-stream and restarted. */
class IpcChildJvmTest {

  /** Starts an owner JVM on {@code folder} and waits until it serves. */
  static Process owner(Path folder, LocalDc dc) throws Exception {
    Path pem = folder.resolve("dc.pem");
    Files.writeString(pem, dc.publicKey().toPkcs1Pem());
    DcEndpoint dc1 = dc.endpoints().get(0);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        OwnerMain.class.getName(), folder.toString(), pem.toString(), dc1.host(), String.valueOf(dc1.port()))
        .redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    List<String> seen = new ArrayList<>();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.equals("READY")) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "owner-output");
        drain.setDaemon(true);
        drain.start();
        return p;
      }
      seen.add(line);
    }
    throw new AssertionError("the owner JVM ended before serving: " + seen);
  }

  @Test
  void ownerInAnotherJvmKilledAndRestartedMidStream() throws Exception {
    LocalDc dc = IpcFixture.localDc();
    dc.faults().clear();
    Path folder = Files.createTempDirectory("vertigram-ipc-jvm");
    Process first = owner(folder, dc);
    IpcClient forwarder = await(IpcClient.connect(IpcFixture.VERTX, folder, new IpcOptions()));
    try {
      assertEquals(7, await(forwarder.call(IpcForwardingTest.appConfig(7))).getInteger("hash"));
      dc.faults().rpcError("help.getNearestDc", 400, "PEER_ID_INVALID", 1);
      RpcException e = assertInstanceOf(RpcException.class,
          failure(forwarder.call(new JsonObject().put("_", "help.getNearestDc"))));
      assertEquals(400, e.code());
      assertEquals("PEER_ID_INVALID", e.errorMessage());

      dc.stats().reset();
      List<Future<JsonObject>> calls = new ArrayList<>();
      for (int i = 0; i < 2000; i++) {
        calls.add(forwarder.call(IpcForwardingTest.appConfig(i)));
      }
      await(calls.get(100));
      first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      Process second = owner(folder, dc);
      try {
        await(Future.all(calls));
        for (int i = 0; i < calls.size(); i++) {
          assertEquals(i, calls.get(i).result().getInteger("hash"));
        }
        // replies journaled by the killed owner are not run again; calls it had sent to the DC without an answer yet
        // run again on the new owner (help.getAppConfig has no random_id for the DC to dedupe)
        assertTrue(dc.stats().executions("help.getAppConfig") >= 2000);
      } finally {
        second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } finally {
      first.destroyForcibly();
      await(forwarder.close());
    }
  }
}
