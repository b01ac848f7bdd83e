package dev.backman.s3;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Crc32cTest {
    @Test
    void matchesTheStandardCheckValueInS3HeaderForm() {
        // CRC-32C("123456789") = 0xE3069283, the algorithm's published check value
        assertThat(Crc32c.base64("xx123456789".getBytes(US_ASCII), 2, 9)).isEqualTo("4waSgw==");
    }
}
