package dev.vertigram.localdc.impl;

import dev.vertigram.localdc.DcEndpoint;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;

/** One DC: a TCP server whose connections all run on this verticle's event loop (see {@link DcState}). */
final class DcVerticle extends VerticleBase {

  private final DcState dc;
  private final String host;
  private final int port;
  private NetServer server;

  DcVerticle(DcState dc, String host, int port) {
    this.dc = dc;
    this.host = host;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    dc.context(context);
    server = vertx.createNetServer(new NetServerOptions().setHost(host).setPort(port).setTcpNoDelay(true));
    server.connectHandler(socket -> new ServerConnection(dc, socket, context).start());
    return server.listen().onSuccess(s -> dc.endpoint(new DcEndpoint(dc.id(), host, s.actualPort())));
  }

  @Override
  public Future<?> stop() {
    return server.close();
  }
}
