package dev.vertigram.client;

import dev.vertigram.client.impl.Connection;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

import java.util.function.Function;

/**
 * Owns one DC connection (socket, transport, auth keys, MTProto session, write loop) on its own event loop. The
 * {@link MtprotoClient} deploys one per DC it talks to and undeploys them on close.
 */
public final class ConnectionVerticle extends VerticleBase {

  private final Function<Context, Connection> factory;
  private Connection connection;

  /** @param factory builds the connection on the verticle's context */
  public ConnectionVerticle(Function<Context, Connection> factory) {
    this.factory = factory;
  }

  @Override
  public Future<?> start() {
    connection = factory.apply(context);
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    return connection.close();
  }

  /** The verticle's context: the connection's event loop (for tests). */
  Context eventLoop() {
    return context;
  }

  /** The connection, once started. */
  public Connection connection() {
    return connection;
  }
}
