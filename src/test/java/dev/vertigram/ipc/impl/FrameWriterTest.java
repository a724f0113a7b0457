package dev.vertigram.ipc.impl;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.vertigram.testing.Futures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The frame writer hands the event loop back between bounded batches and loses or reorders nothing. */
class FrameWriterTest {

  static final Vertx VERTX = Vertx.vertx();
  static final int FRAMES = 2_000;

  @AfterAll
  static void close() {
    await(VERTX.close());
  }

  @Test
  void aLongQueueLeavesInBoundedTurnsInOrder() {
    Receiver receiver = new Receiver();
    Context context = VERTX.getOrCreateContext();
    NetSocket socket = receiver.connect(context);
    AtomicInteger encoded = new AtomicInteger();
    Promise<Integer> encodedAtNextTurn = Promise.promise();
    context.runOnContext(v -> {
      FrameWriter writer = new FrameWriter(socket, context, 1 << 20, frame -> { });
      for (int i = 0; i < FRAMES; i++) {
        writer.write(new JsonObject().put("id", i).put("pad", "x".repeat(100)), body -> encoded.incrementAndGet());
      }
      // queued after the first drain: runs when that drain has handed the loop back
      context.runOnContext(w -> encodedAtNextTurn.complete(encoded.get()));
    });
    assertEquals(FrameWriter.MAX_FRAMES_PER_TURN, await(encodedAtNextTurn.future()));
    receiver.assertAllInOrder();
  }

  @Test
  void aFullWriteQueueDelaysTheRestWithoutLosingIt() throws Exception {
    int frames = 2_000;
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Context context = VERTX.getOrCreateContext();
      Promise<NetSocket> connected = Promise.promise();
      context.runOnContext(v -> VERTX.createNetClient().connect(server.getLocalPort(), "127.0.0.1")
          .onComplete(connected));
      try (Socket peer = server.accept()) {
        NetSocket socket = await(connected.future());
        context.runOnContext(v -> {
          socket.setWriteQueueMaxSize(16 * 1024);
          FrameWriter writer = new FrameWriter(socket, context, 1 << 20, frame -> { });
          for (int i = 0; i < frames; i++) {
            writer.write(new JsonObject().put("id", i).put("pad", "x".repeat(8000)));
          }
        });
        Thread.sleep(300); // 16 MB queued while nobody reads: more than the socket buffers hold
        DataInputStream in = new DataInputStream(peer.getInputStream());
        for (int i = 0; i < frames; i++) {
          byte[] body = new byte[in.readInt()];
          in.readFully(body);
          assertEquals(i, new JsonObject(new String(body, StandardCharsets.UTF_8)).getInteger("id"),
              "frame out of order or lost");
        }
      }
    }
  }

  /** A server that reads frames and collects their ids. */
  private static final class Receiver {
    final List<Integer> ids = new ArrayList<>();
    final Promise<Void> all = Promise.promise();
    final NetServer server;

    Receiver() {
      server = VERTX.createNetServer().connectHandler(s -> {
        s.handler(new FrameReader(1 << 20, frame -> {
          ids.add(frame.getInteger("id"));
          if (ids.size() == FRAMES) {
            all.complete();
          }
        }, all::tryFail));
      });
      await(server.listen(0, "127.0.0.1"));
    }

    /** A socket to the receiver that belongs to {@code context}. */
    NetSocket connect(Context context) {
      Promise<NetSocket> socket = Promise.promise();
      context.runOnContext(v -> VERTX.createNetClient().connect(server.actualPort(), "127.0.0.1").onComplete(socket));
      return await(socket.future());
    }

    void assertAllInOrder() {
      await(all.future());
      for (int i = 0; i < FRAMES; i++) {
        assertEquals(i, ids.get(i), "frame out of order or lost");
      }
      await(server.close());
    }
  }
}
