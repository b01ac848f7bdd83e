package dev.backman.s3;

import java.util.Base64;
import java.util.zip.CRC32C;

/** The CRC32C of a byte range in S3's header form (base64 of the 4 big-endian bytes). */
final class Crc32c {
    private Crc32c() {
    }

    static String base64(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        int value = (int) crc.getValue();
        byte[] big = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        return Base64.getEncoder().encodeToString(big);
    }
}
