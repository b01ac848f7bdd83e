package dev.backman.filesystem.scan;

import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.SkippedFile;
import dev.backman.domain.model.SourceRoot;
import dev.backman.domain.port.ScannedEntry;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks one source root depth-first without recursion (parents before children, siblings by name) and adds what it
 * finds to the shared entry and skip lists. No single bad entry stops the walk.
 */
final class RootWalker {
    private static final Logger LOG = LoggerFactory.getLogger(RootWalker.class);

    /** A path waiting to be visited; {@code relative} is empty for the root. */
    private record Pending(Path path, String name, String relative) {
    }

    private static final Comparator<Pending> BY_NAME = Comparator.comparing(Pending::name);

    private final SourceRoot root;
    private final ExclusionRules exclusions;
    private final SizeLimit sizeLimit;
    private final List<ScannedEntry> entries;
    private final List<SkippedFile> skipped;
    private final LongConsumer fileFound;
    private final Deque<Pending> stack = new ArrayDeque<>();
    private AttributeReader reader;

    RootWalker(SourceRoot root, ExclusionRules exclusions, SizeLimit sizeLimit, List<ScannedEntry> entries,
               List<SkippedFile> skipped, LongConsumer fileFound) {
        this.root = root;
        this.exclusions = exclusions;
        this.sizeLimit = sizeLimit;
        this.entries = entries;
        this.skipped = skipped;
        this.fileFound = fileFound;
    }

    void walk() {
        Path start = root.path();
        reader = AttributeReader.forFileSystem(start.getFileSystem());
        EntryStat stat;
        try {
            stat = reader.read(start);
            if (stat.kind() == EntryStat.Kind.SYMLINK) {
                Path target = resolveLink(start); // a root that is a link is followed once; links below never are
                if (target == null) {
                    skip(start, "symlink whose target does not exist");
                    return;
                }
                start = target;
                stat = reader.read(start);
            }
        } catch (IOException e) {
            skip(start, e);
            return;
        }
        visit(new Pending(start, root.name(), ""), stat);
        while (!stack.isEmpty()) {
            visitBelowRoot(stack.pop());
        }
    }

    /** Null when the link is dangling. */
    private static Path resolveLink(Path link) throws IOException {
        try {
            return link.toRealPath();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private void visitBelowRoot(Pending pending) {
        if (exclusions.excludes(pending.name(), pending.relative())) {
            return;
        }
        try {
            visit(pending, reader.read(pending.path()));
        } catch (IOException e) {
            skip(pending.path(), e);
        }
    }

    private void visit(Pending pending, EntryStat stat) {
        try {
            switch (stat.kind()) {
                case DIRECTORY -> visitDirectory(pending, stat);
                case FILE -> visitFile(pending, stat);
                case SYMLINK -> emit(pending, stat, EntryType.SYMLINK,
                        Files.readSymbolicLink(pending.path()).toString());
                case SPECIAL -> skip(pending.path(), "special file (" + stat.special() + ")");
            }
        } catch (IOException e) {
            skip(pending.path(), e);
        }
    }

    private void visitDirectory(Pending pending, EntryStat stat) throws IOException {
        boolean isRoot = pending.relative().isEmpty();
        if (!isRoot && exclusions.excludesDirectory(pending.name(), pending.relative())) {
            return;
        }
        Path dir = pending.path();
        if (!stat.readableByEveryone() && !(Files.isReadable(dir) && Files.isExecutable(dir))) {
            skip(dir, "permission denied");
            return;
        }
        List<Pending> children = list(dir, isRoot ? "" : pending.relative() + "/");
        emit(pending, stat, EntryType.DIR, null); // after listing: a directory that cannot be listed is skipped whole
        for (int i = children.size() - 1; i >= 0; i--) {
            stack.push(children.get(i));
        }
    }

    private void visitFile(Pending pending, EntryStat stat) {
        if (sizeLimit.exceededBy(stat.size())) {
            skip(pending.path(), sizeLimit.reason(stat.size()));
        } else if (!stat.readableByEveryone() && !Files.isReadable(pending.path())) {
            skip(pending.path(), "permission denied");
        } else {
            emit(pending, stat, EntryType.FILE, null);
            fileFound.accept(stat.size());
        }
    }

    /** The directory's children sorted by name. */
    private static List<Pending> list(Path dir, String prefix) throws IOException {
        List<Pending> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path child : stream) {
                String name = child.getFileName().toString();
                children.add(new Pending(child, name, prefix + name));
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        children.sort(BY_NAME);
        return children;
    }

    private void emit(Pending pending, EntryStat stat, EntryType type, String linkTarget) {
        String archivePath = pending.relative().isEmpty() ? root.name() : root.name() + "/" + pending.relative();
        entries.add(new ScannedEntry(archivePath, pending.path(), type, stat.size(), stat.mode(), stat.mtime(),
                linkTarget, stat.fileKey()));
    }

    private void skip(Path path, IOException problem) {
        skip(path, reasonFor(problem));
    }

    private void skip(Path path, String reason) {
        LOG.debug("skipping {}: {}", path, reason);
        skipped.add(new SkippedFile(path.toString(), reason));
    }

    private static String reasonFor(IOException problem) {
        if (problem instanceof NoSuchFileException) {
            return "vanished during scan";
        }
        if (problem instanceof AccessDeniedException) {
            return "permission denied";
        }
        return "cannot read: " + problem.getMessage();
    }
}
