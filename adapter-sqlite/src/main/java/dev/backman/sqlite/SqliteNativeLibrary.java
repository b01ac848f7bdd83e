package dev.backman.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Keeps sqlite-jdbc's native library in a directory of the caller's choosing, so that a process loads it from there.
 * By default the driver writes its 1 MB library to a new file in {@code java.io.tmpdir} on every start, reads it back
 * to compare, and lists that directory to clean up: 70–100 ms of each short command, measured here. The copy is
 * written once per driver version (to a temporary name, then renamed), then only found.
 *
 * <p>This sets the JVM-wide system properties {@code org.sqlite.lib.path}, {@code org.sqlite.lib.name} and
 * {@code org.sqlite.tmpdir}, and does nothing when {@code org.sqlite.lib.path} is already set: call it before the
 * first catalog is opened, from the host's composition root. Any problem leaves the driver's default in place.
 */
public final class SqliteNativeLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteNativeLibrary.class);
    static final String PATH_PROPERTY = "org.sqlite.lib.path";

    private final Path directory;

    /**
     * A library kept below {@code directory} (one subdirectory per driver version and platform).
     *
     * @param directory a directory of the user's, created when missing
     */
    public SqliteNativeLibrary(Path directory) {
        this.directory = directory;
    }

    /**
     * Points the driver at the kept copy, writing it first when missing.
     *
     * @return whether the driver will load the kept copy
     */
    public boolean install() {
        if (System.getProperty(PATH_PROPERTY) != null) {
            return false;
        }
        String resource = LibraryLoaderUtil.getNativeLibResourcePath();
        String name = LibraryLoaderUtil.getNativeLibName();
        // e.g. sqlite-jdbc-3.54.1.0/Linux/x86_64
        Path folder = directory.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion()
                + resource.replaceFirst("^/org/sqlite/native", ""));
        Path library = folder.resolve(name);
        try {
            if (!Files.isRegularFile(library)) {
                extract(resource + "/" + name, folder, library);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("keeping sqlite's native library in {} failed; the driver extracts its own: {}", folder, e);
            return false;
        }
        System.setProperty("org.sqlite.tmpdir", folder.toString());
        System.setProperty("org.sqlite.lib.name", name);
        System.setProperty(PATH_PROPERTY, folder.toString());
        return true;
    }

    private static void extract(String resource, Path folder, Path library) throws IOException {
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the driver has no native library at " + resource);
            }
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, "partial-", ".tmp");
            try {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                // another process may have put the same bytes there meanwhile: either copy will do
                Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }
}
