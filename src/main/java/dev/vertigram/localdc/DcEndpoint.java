package dev.vertigram.localdc;

/**
 * Where one Local DC data center listens.
 *
 * @param id   the DC id (1..5)
 * @param host the address it is bound to
 * @param port the TCP port (the real one, also when the configured port was 0)
 */
public record DcEndpoint(int id, String host, int port) {
}
