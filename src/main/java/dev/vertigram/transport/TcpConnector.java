package dev.vertigram.transport;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.ProxyOptions;

import java.time.Duration;

/**
 * Opens MTProto TCP connections per {@link TransportOptions}: directly or through the configured SOCKS/HTTP
 * CONNECT proxy (Vert.x's own proxy support), each with a fresh {@link ClientTransport}. Holds one
 * {@link NetClient}; {@link #close()} it when done.
 */
public final class TcpConnector {
  private final TransportOptions options;
  private final NetClient client;

  public TcpConnector(Vertx vertx, TransportOptions options) {
    this.options = options;
    NetClientOptions netOptions = new NetClientOptions().setConnectTimeout(options.connectTimeoutMs());
    if (options.proxy() != null) {
      netOptions.setProxyOptions(new ProxyOptions(options.proxy())
        .setConnectTimeout(Duration.ofMillis(options.connectTimeoutMs())));
    }
    this.client = vertx.createNetClient(netOptions);
  }

  /**
   * Connects to {@code host:port} (a DC, or the MTProxy when a secret is set).
   *
   * @param dcId the DC id for the obfuscated2 header (see {@link ClientTransport#create})
   */
  public Future<TransportConnection<ClientTransport>> connect(String host, int port, int dcId) {
    ClientTransport transport;
    try {
      transport = options.createTransport(dcId);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return client.connect(port, host).map(socket -> new TransportConnection<>(socket, transport));
  }

  public Future<Void> close() {
    return client.close();
  }
}
