package dev.vertigram.http.impl;

import java.net.URI;
import java.net.URISyntaxException;

/** A parsed absolute http(s) URL: what a request needs to connect and what it asks for. */
public record Target(String url, boolean ssl, String host, int port, String requestUri) {

  /** Parses {@code url}: anything but an absolute http(s):// URL with a host is an IllegalArgumentException. */
  public static Target parse(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("bad URL \"" + url + "\": " + (url == null ? "null" : e.getMessage()));
    }
    String scheme = uri.getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || uri.getHost() == null) {
      throw new IllegalArgumentException("bad URL \"" + url + "\": expected http:// or https:// and a host");
    }
    boolean ssl = "https".equalsIgnoreCase(scheme);
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    return new Target(url, ssl, host, uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80, path + query);
  }

  /** Whether the host is an IP literal (no name to resolve). */
  public boolean hostIsIp() {
    return host.indexOf(':') >= 0 || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
  }

  /** The last non-empty path segment, decoded, or null (a file name for uploads). */
  public String fileName() {
    String path = URI.create(url).getPath();
    if (path == null) {
      return null;
    }
    String[] segments = path.split("/");
    for (int i = segments.length - 1; i >= 0; i--) {
      if (!segments[i].isEmpty()) {
        return segments[i];
      }
    }
    return null;
  }
}
