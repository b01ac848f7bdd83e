package dev.backman.filesystem.archive;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.zip.ZipEncoding;

/**
 * UTF-8 for the name fields of tar headers, as commons-compress writes them (characters that UTF-8 cannot encode,
 * lone surrogates, become '?'), without its {@code NioZipEncoding}'s new {@code CharsetEncoder} and char-by-char
 * buffer loop for every field: four fields per entry (name, link, user and group) made that a tenth of the
 * archiving thread's time on a tree of small files.
 */
final class Utf8HeaderEncoding implements ZipEncoding {
    static final Utf8HeaderEncoding INSTANCE = new Utf8HeaderEncoding();

    private Utf8HeaderEncoding() {
    }

    @Override
    public boolean canEncode(String name) {
        return StandardCharsets.UTF_8.newEncoder().canEncode(name);
    }

    @Override
    public ByteBuffer encode(String name) {
        return ByteBuffer.wrap(name.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String decode(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    /** True when every character is ASCII: such a name needs no pax record to survive any reader. */
    static boolean isAscii(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
