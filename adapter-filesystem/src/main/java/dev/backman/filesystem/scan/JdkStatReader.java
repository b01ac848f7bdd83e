package dev.backman.filesystem.scan;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Optional;

/**
 * Reads what {@link UnixAttributeReader} reads, from the same single {@code lstat}, but takes the mode, inode,
 * device and ctime from the JDK's own result object ({@code sun.nio.fs.UnixFileAttributes}, which is what
 * {@code PosixFileAttributes} are on Unix) instead of asking for them by name. A read by name parses the name list
 * and fills a map of boxed values on every call: on 100,000 entries that was about 2 KB of garbage per entry, half
 * of all a no-change backup allocated, and the young collections it caused copied the scan's live records again
 * and again.
 *
 * <p>The JDK does not export that class, so this reader exists only where {@code java.base/sun.nio.fs} is opened to
 * backman (the {@code Add-Opens} attribute of {@code backman.jar}'s manifest, or a host JVM's
 * {@code --add-opens java.base/sun.nio.fs=ALL-UNNAMED}), and only for the default file system, whose attributes are
 * of that class; elsewhere the scan uses {@link UnixAttributeReader}, with the same results.
 */
final class JdkStatReader implements AttributeReader {
    private final MethodHandle mode;
    private final MethodHandle ino;
    private final MethodHandle dev;
    private final MethodHandle ctime;

    private JdkStatReader(MethodHandle mode, MethodHandle ino, MethodHandle dev, MethodHandle ctime) {
        this.mode = mode;
        this.ino = ino;
        this.dev = dev;
        this.ctime = ctime;
    }

    /** The reader, when the JDK's attribute class is open to this code and has the accessors it is known by. */
    static Optional<AttributeReader> ifOpened() {
        try {
            Class<?> type = Class.forName("sun.nio.fs.UnixFileAttributes");
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            return Optional.of(new JdkStatReader(
                    accessor(lookup, type, "mode", int.class),
                    accessor(lookup, type, "ino", long.class),
                    accessor(lookup, type, "dev", long.class),
                    accessor(lookup, type, "ctime", FileTime.class)));
        } catch (ReflectiveOperationException | IllegalAccessError | SecurityException e) {
            return Optional.empty();
        }
    }

    /** {@code type.name()}, callable on any {@link PosixFileAttributes} (of that class). */
    private static MethodHandle accessor(MethodHandles.Lookup lookup, Class<?> type, String name, Class<?> result)
            throws ReflectiveOperationException {
        return lookup.findVirtual(type, name, MethodType.methodType(result))
                .asType(MethodType.methodType(result, PosixFileAttributes.class));
    }

    @Override
    public EntryStat read(Path path) throws IOException {
        PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        int rawMode;
        long inode;
        long device;
        FileTime changed;
        try {
            rawMode = (int) mode.invokeExact(attributes);
            inode = (long) ino.invokeExact(attributes);
            device = (long) dev.invokeExact(attributes);
            changed = (FileTime) ctime.invokeExact(attributes);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("reading the attributes of " + path, e);
        }
        return EntryStat.ofUnix(rawMode, attributes.size(), attributes.lastModifiedTime(), device, inode, changed);
    }
}
