package dev.vertigram.http;

/**
 * Counters of an {@link HttpFetcher}.
 *
 * @param direct       direct attempts
 * @param directFailed direct attempts whose connection failed
 * @param proxied      attempts through the proxy
 * @param dohQueries   DNS-over-HTTPS queries sent (cache hits send none)
 */
public record HttpStats(long direct, long directFailed, long proxied, long dohQueries) {
}
