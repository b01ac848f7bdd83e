package dev.backman.domain.model;

/** One offsite copy of a backup and how far it got. */
public record Replica(String location, ReplicaStatus status) {
}
