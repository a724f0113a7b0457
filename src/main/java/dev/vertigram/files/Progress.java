package dev.vertigram.files;

/**
 * A transfer's progress.
 *
 * @param done           bytes transferred so far
 * @param total          bytes to transfer (-1 when unknown)
 * @param bytesPerSecond average speed since the transfer started
 */
public record Progress(long done, long total, double bytesPerSecond) {
}
