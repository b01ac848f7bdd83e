package dev.backman.domain.port;

/** A listed object: its key and size. */
public record ObjectInfo(String key, long size) {
}
