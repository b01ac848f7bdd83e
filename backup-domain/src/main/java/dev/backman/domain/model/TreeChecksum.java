package dev.backman.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * The backup-level checksum: SHA-256 over the lines {@code <sha256>  <path>\n} of every regular file, sorted by
 * path (the format of {@code sha256sum}, so it can be recomputed with standard tools).
 */
public final class TreeChecksum {
    private TreeChecksum() {
    }

    /**
     * The checksum of a tree.
     *
     * @param entries the tree's entries (only regular files count)
     * @return the SHA-256, in lower-case hex
     */
    public static String of(Collection<FileEntry> entries) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        entries.stream()
                .filter(FileEntry::isFile)
                .sorted(Comparator.comparing(FileEntry::path))
                .forEach(e -> digest.update((e.sha256() + "  " + e.path() + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest());
    }
}
