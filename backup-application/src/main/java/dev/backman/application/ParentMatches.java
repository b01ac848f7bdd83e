package dev.backman.application;

import java.util.BitSet;

/**
 * Which entries of a backup's tree (by their index in it) were taken unread from the parent: regular files found
 * unchanged at the same path, whose entries carry the parent's content. Later passes over the tree count them as
 * unchanged without looking each one up in the parent's tree again (two lookups per file of a backup that found
 * nothing changed).
 */
final class ParentMatches {
    private static final ParentMatches NONE = new ParentMatches(new BitSet());

    private final BitSet indexes;

    private ParentMatches(BitSet indexes) {
        this.indexes = indexes;
    }

    /** No entry taken from the parent: every file is looked up. */
    static ParentMatches none() {
        return NONE;
    }

    /** The entries at these indexes (a copy is kept). */
    static ParentMatches of(BitSet indexes) {
        return new ParentMatches((BitSet) indexes.clone());
    }

    /** Whether the entry at {@code index} is the parent's file at the same path, with the same content. */
    boolean at(int index) {
        return indexes.get(index);
    }
}
