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
    private static final int PIECE = 256 * 1024;

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
        // the lines go to the digest as bytes in large pieces: one small update per file kept SHA-256 out of its
        // fast (compiled, intrinsic) loop, and a String per line cost as much again in encoding
        byte[] piece = new byte[PIECE];
        int used = 0;
        for (FileEntry e : entries.stream().filter(FileEntry::isFile).sorted(Comparator.comparing(FileEntry::path))
                .toList()) {
            byte[] sha = String.valueOf(e.sha256()).getBytes(StandardCharsets.ISO_8859_1);
            byte[] path = e.path().getBytes(StandardCharsets.UTF_8);
            int length = sha.length + 2 + path.length + 1;
            if (used + length > piece.length) {
                digest.update(piece, 0, used);
                used = 0;
                if (length > piece.length) {
                    piece = new byte[length];
                }
            }
            System.arraycopy(sha, 0, piece, used, sha.length);
            used += sha.length;
            piece[used++] = ' ';
            piece[used++] = ' ';
            System.arraycopy(path, 0, piece, used, path.length);
            used += path.length;
            piece[used++] = '\n';
        }
        digest.update(piece, 0, used);
        return HexFormat.of().formatHex(digest.digest());
    }
}
