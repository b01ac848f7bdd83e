package dev.backman.filesystem.archive;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.utils.ArchiveUtils;

/**
 * A tar input that remembers whether the archive ended with its end-of-archive record (a zero block) or just
 * stopped: commons-compress treats both as the end, but the second means the archive was cut short.
 */
final class StrictTarInputStream extends TarArchiveInputStream {

    private boolean sawEndRecord;

    StrictTarInputStream(InputStream in) {
        super(in, StandardCharsets.UTF_8.name());
    }

    boolean sawEndRecord() {
        return sawEndRecord;
    }

    @Override
    protected boolean isEOFRecord(byte[] record) {
        if (record != null && ArchiveUtils.isArrayZero(record, getRecordSize())) {
            sawEndRecord = true;
        }
        return super.isEOFRecord(record);
    }
}
