package dev.backman.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupType;
import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.StoredContent;
import dev.backman.domain.model.TreeChecksum;
import dev.backman.domain.port.BackupCatalog;
import dev.backman.domain.port.ScannedEntry;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

class ChainContentsTest {
    private static final Instant T = Instant.parse("2024-03-10T14:05:09Z");
    private static final ParentMatches NONE = ParentMatches.none();
    private static final List<FileEntry> PARENT_FILES = List.of(
            dir("r"), file("r/a", "a", "b0"), file("r/b", "b", "b0"), link("r/l"));

    @Test
    void aTreeWithTheParentsRegularFilesTakesTheParentsChecksum() {
        // a checksum no tree hashes to: taken as it is, so not computed
        ChainContents contents = contents("parent's checksum");
        List<FileEntry> same = List.of(dir("r"), file("r/a", "a", "b0"), file("r/b", "b", "b0"));

        assertThat(contents.treeChecksum(same, NONE)).isEqualTo("parent's checksum");
        assertThat(contents.treeChecksum(List.of(file("r/b", "b", "b1"), dir("r/new"), file("r/a", "a", "b1")), NONE))
                .as("other directories, links, order and holders do not count").isEqualTo("parent's checksum");
    }

    @Test
    void filesMarkedAsTheParentsAreTakenOnTrustAndNeverMakeAnotherTreeTheParents() {
        ChainContents contents = contents("parent's checksum");
        BitSet marked = new BitSet();
        marked.set(1, 3);
        // r/z is not the parent's: the mark is believed (the archive builder sets it only for the parent's files)
        List<FileEntry> trusted = List.of(dir("r"), file("r/a", "a", "b0"), file("r/z", "b", "b0"));
        List<FileEntry> more = List.of(dir("r"), file("r/a", "a", "b0"), file("r/b", "b", "b0"),
                file("r/c", "c", "b1"));

        assertThat(contents.treeChecksum(trusted, ParentMatches.of(marked))).isEqualTo("parent's checksum");
        assertThat(contents.treeChecksum(trusted, NONE)).isEqualTo(TreeChecksum.of(trusted));
        assertThat(contents.treeChecksum(more, ParentMatches.of(marked))).isEqualTo(TreeChecksum.of(more));
    }

    @Test
    void anyOtherTreeIsHashed() {
        ChainContents contents = contents("parent's checksum");
        List<List<FileEntry>> others = List.of(
                List.of(file("r/a", "a", "b0")),
                List.of(file("r/a", "a", "b0"), file("r/b", "b", "b0"), file("r/c", "c", "b1")),
                List.of(file("r/a", "a", "b0"), file("r/b", "c", "b1")),
                List.of(file("r/a", "a", "b0"), file("r/c", "b", "b0")),
                List.of(file("r/a", "a", "b0"), file("r/b", null, "b0")),
                List.of(file("r/a", "a", "b0"), file("r/b", "b", "b0"), file("r/l", "l", "b1")));

        for (List<FileEntry> tree : others) {
            assertThat(contents.treeChecksum(tree, NONE)).as("%s", tree).isEqualTo(TreeChecksum.of(tree));
        }
        assertThat(contents(null).treeChecksum(PARENT_FILES, NONE)).isEqualTo(TreeChecksum.of(PARENT_FILES));
        assertThat(ChainContents.none().treeChecksum(List.of(), NONE)).isEqualTo(TreeChecksum.of(List.of()));
    }

    @Test
    void theParentsChecksumIsTheOneItsTreeHashesTo() {
        String real = TreeChecksum.of(PARENT_FILES);
        List<FileEntry> reordered = new ArrayList<>(PARENT_FILES);
        Collections.reverse(reordered);

        assertThat(contents(real).treeChecksum(reordered, NONE)).isEqualTo(TreeChecksum.of(reordered));
    }

    @Test
    void contentsOfOlderMembersAreHeldWhereTheyAreStoredAndTheParentsEntriesComeFirst() {
        BackupMetadata full = backup("b0", null, 2);
        BackupMetadata middle = backup("b1", "b0", 2);
        BackupMetadata unchanged = backup("b2", "b1", 0);
        BackupMetadata parent = backup("b3", "b2", 1);
        List<String> asked = new ArrayList<>();
        BackupCatalog catalog = (BackupCatalog) Proxy.newProxyInstance(BackupCatalog.class.getClassLoader(),
                new Class<?>[] {BackupCatalog.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "files" -> List.of(file("r/a", "a", "b0"), file("r/b", "b", "b3"));
                    case "contentsStoredIn" -> {
                        asked.add((String) args[0]);
                        yield args[0].equals("b0")
                                ? List.of(new StoredContent("a".repeat(64), 1, "b0"),
                                        new StoredContent("d".repeat(64), 40, "b0"))
                                : List.of(new StoredContent("b".repeat(64), 1, "b1"),
                                        new StoredContent("e".repeat(64), 50, "b1"));
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });

        ChainContents contents = ChainContents.of(new Chain(BackupType.INCREMENTAL, parent,
                List.of(full, middle, unchanged, parent), null), catalog);
        assertThat(asked).as("nothing read before a changed file needs it").isEmpty();

        assertThat(contents.holderOf("d".repeat(64))).isEqualTo(new StoredContent("d".repeat(64), 40, "b0"));
        assertThat(asked).as("the parent's contents come from its list; b2 stored none").containsExactly("b0", "b1");
        assertThat(contents.holderOf("e".repeat(64))).isEqualTo(new StoredContent("e".repeat(64), 50, "b1"));
        assertThat(contents.holderOf("b".repeat(64))).as("as the parent's tree has it")
                .isEqualTo(new StoredContent("b".repeat(64), 1, "b3"));
        assertThat(contents.holderOf("c".repeat(64))).isNull();
        assertThat(asked).as("read once").hasSize(2);
    }

    @Test
    void onlyContentsOfTheChangedFilesSizesAreGatheredAndNoneOfTheOthersIsFound() {
        BackupMetadata full = backup("b0", null, 2);
        BackupMetadata parent = backup("b1", "b0", 1);
        List<Long> sizesSeenByTheCatalog = new ArrayList<>();
        BackupCatalog catalog = (BackupCatalog) Proxy.newProxyInstance(BackupCatalog.class.getClassLoader(),
                new Class<?>[] {BackupCatalog.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "files" -> List.of(file("r/a", "a", "b0"), sized("r/big", "b", 50, "b1"));
                    case "contentsStoredIn" -> {
                        LongPredicate sizes = (LongPredicate) args[1];
                        List<StoredContent> all = List.of(new StoredContent("d".repeat(64), 40, "b0"),
                                new StoredContent("e".repeat(64), 60, "b0"));
                        all.forEach(c -> sizesSeenByTheCatalog.add(sizes.test(c.size()) ? c.size() : -c.size()));
                        yield all.stream().filter(c -> sizes.test(c.size())).toList();
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        ChainContents contents = ChainContents.of(new Chain(BackupType.INCREMENTAL, parent, List.of(full, parent),
                null), catalog);

        LongPredicate inChain = contents.storedSizes(List.of(scanned("r/new", 40), scanned("r/other", 1),
                scanned("r/odd", 7)));

        assertThat(sizesSeenByTheCatalog).as("the full backup's 60-byte content is not asked for")
                .containsExactly(40L, -60L);
        assertThat(contents.holderOf("d".repeat(64))).isEqualTo(new StoredContent("d".repeat(64), 40, "b0"));
        assertThat(contents.holderOf("a".repeat(64))).isEqualTo(new StoredContent("a".repeat(64), 1, "b0"));
        assertThat(contents.holderOf("b".repeat(64))).as("no changed file has 50 bytes").isNull();
        assertThat(contents.holderOf("e".repeat(64))).isNull();
        assertThat(inChain.test(40)).isTrue();
        assertThat(inChain.test(1)).isTrue();
        assertThat(inChain.test(7)).as("asked for, but nothing of it stored").isFalse();
        assertThat(inChain.test(50)).as("stored, but not asked for").isFalse();
    }

    private static BackupMetadata backup(String id, String parentId, long storedFiles) {
        return BackupMetadata.pending(id, OffsetDateTime.parse("2024-03-10T14:05:09Z"), List.of("/src"),
                CompressionType.TAR_ZST).withChain(parentId == null ? BackupType.FULL : BackupType.INCREMENTAL,
                parentId).withContents(storedFiles, storedFiles, null, storedFiles, storedFiles, List.of());
    }

    private static ChainContents contents(String parentChecksum) {
        BackupMetadata parent = BackupMetadata.pending("b0", OffsetDateTime.parse("2024-03-10T14:05:09Z"),
                List.of("/src"), CompressionType.TAR_ZST).withContents(2, 2, parentChecksum, 0, 2, List.of());
        BackupCatalog catalog = (BackupCatalog) Proxy.newProxyInstance(BackupCatalog.class.getClassLoader(),
                new Class<?>[] {BackupCatalog.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "files" -> PARENT_FILES;
                    case "contentsStoredIn" -> List.of();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return ChainContents.of(new Chain(BackupType.INCREMENTAL, parent, List.of(parent), null), catalog);
    }

    private static FileEntry sized(String path, String digit, long size, String storedIn) {
        return new FileEntry(path, EntryType.FILE, size, 0644, T, digit.repeat(64), null, storedIn);
    }

    private static ScannedEntry scanned(String path, long size) {
        return new ScannedEntry(path, Path.of("/src"), EntryType.FILE, size, 0644, T, null, null);
    }

    private static FileEntry file(String path, String digit, String storedIn) {
        return new FileEntry(path, EntryType.FILE, 1, 0644, T, digit == null ? null : digit.repeat(64), null,
                storedIn);
    }

    private static FileEntry dir(String path) {
        return new FileEntry(path, EntryType.DIR, 0, 0755, T, null, null, null);
    }

    private static FileEntry link(String path) {
        return new FileEntry(path, EntryType.SYMLINK, 0, 0777, T, null, "a", null);
    }
}
