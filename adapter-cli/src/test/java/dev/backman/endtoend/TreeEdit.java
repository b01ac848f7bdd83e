package dev.backman.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/** One generated change to a source tree between two backups; indexes pick among the tree's files. */
sealed interface TreeEdit {

    void applyTo(EditableTree tree) throws IOException;

    /** A new file (or new contents for an existing one). */
    record Add(String path, int seed, int size, int mode, Instant mtime) implements TreeEdit {
        @Override
        public void applyTo(EditableTree tree) throws IOException {
            tree.write(path, EditableTree.content(seed, size), mode, mtime);
        }
    }

    /** New contents, written now (so the mtime is the wall clock's). */
    record Modify(int index, int seed, int size) implements TreeEdit {
        @Override
        public void applyTo(EditableTree tree) throws IOException {
            Path file = tree.pick(index);
            if (file != null) {
                tree.rewrite(file, EditableTree.content(seed, size));
            }
        }
    }

    record Delete(int index) implements TreeEdit {
        @Override
        public void applyTo(EditableTree tree) throws IOException {
            Path file = tree.pick(index);
            if (file != null) {
                Files.delete(file);
            }
        }
    }

    record Rename(int index, String newPath) implements TreeEdit {
        @Override
        public void applyTo(EditableTree tree) throws IOException {
            Path file = tree.pick(index);
            if (file != null) {
                tree.moveOrCopy(file, newPath, false);
            }
        }
    }

    /** Same contents, another mtime. */
    record Touch(int index, Instant mtime) implements TreeEdit {
        @Override
        public void applyTo(EditableTree tree) throws IOException {
            Path file = tree.pick(index);
            if (file != null) {
                Files.setLastModifiedTime(file, FileTime.from(mtime));
            }
        }
    }

    /** A copy elsewhere: same contents, to be deduplicated. */
    record Duplicate(int index, String newPath) implements TreeEdit {
        @Override
        public void applyTo(EditableTree tree) throws IOException {
            Path file = tree.pick(index);
            if (file != null) {
                tree.moveOrCopy(file, newPath, true);
            }
        }
    }
}
