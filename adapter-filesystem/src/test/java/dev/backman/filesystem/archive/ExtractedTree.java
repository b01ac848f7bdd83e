package dev.backman.filesystem.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.model.FileEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Checks a tree that an external tool extracted against the tree that was archived. */
final class ExtractedTree {

    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private ExtractedTree() {
    }

    /**
     * @param duplicatesAsHardLinks true for tar (duplicates are hard links to the original), false for zip
     *                              (duplicates are not in the archive)
     * @param pre1970Mtimes         whether the tool restores mtimes before 1970
     */
    static void assertMatches(Path extracted, TrickyTree tree, boolean duplicatesAsHardLinks, boolean pre1970Mtimes)
            throws IOException {
        for (TrickyTree.Item item : tree.items()) {
            FileEntry entry = item.entry();
            Path path = extracted.resolve(entry.path());
            if (item.duplicateOf() != null) {
                if (duplicatesAsHardLinks) {
                    Path original = extracted.resolve(item.duplicateOf().path());
                    assertThat(Files.readAllBytes(path)).isEqualTo(item.content());
                    assertThat(Files.getAttribute(path, "unix:ino"))
                            .as("%s is a hard link to the original", entry.path())
                            .isEqualTo(Files.getAttribute(original, "unix:ino"));
                } else {
                    assertThat(path).as("zip holds no duplicate").doesNotExist();
                }
                continue;
            }
            switch (entry.type()) {
                case DIR -> {
                    assertThat(Files.isDirectory(path, NOFOLLOW)).as("%s is a directory", entry.path()).isTrue();
                    assertModeAndTime(path, entry, pre1970Mtimes);
                }
                case FILE -> {
                    assertThat(Files.isRegularFile(path, NOFOLLOW)).as("%s is a file", entry.path()).isTrue();
                    assertThat(Files.readAllBytes(path)).as("content of %s", entry.path()).isEqualTo(item.content());
                    assertModeAndTime(path, entry, pre1970Mtimes);
                }
                case SYMLINK -> {
                    assertThat(Files.isSymbolicLink(path)).as("%s is a symlink", entry.path()).isTrue();
                    assertThat(Files.readSymbolicLink(path).toString()).isEqualTo(entry.linkTarget());
                }
            }
        }
    }

    private static void assertModeAndTime(Path path, FileEntry entry, boolean pre1970Mtimes) throws IOException {
        int mode = (Integer) Files.getAttribute(path, "unix:mode", NOFOLLOW) & 07777;
        assertThat(Integer.toOctalString(mode)).as("mode of %s", entry.path())
                .isEqualTo(Integer.toOctalString(entry.mode()));
        if (pre1970Mtimes || entry.mtime().getEpochSecond() >= 0) {
            assertThat(Files.getLastModifiedTime(path, NOFOLLOW).toInstant()).as("mtime of %s", entry.path())
                    .isEqualTo(entry.mtime());
        }
    }
}
