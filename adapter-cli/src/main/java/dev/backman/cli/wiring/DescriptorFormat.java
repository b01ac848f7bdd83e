package dev.backman.cli.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backman.domain.error.RepositoryFormatMismatch;
import dev.backman.domain.model.RepositoryDescriptor;
import java.io.IOException;

/**
 * The format version of a stored {@code backman.repo.json}, checked as soon as the repository's storage is opened:
 * a repository of a newer format fails naming both versions before anything else is read, and before the
 * passphrase of an encrypted one is asked for. The application checks it again with the whole descriptor.
 */
final class DescriptorFormat {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DescriptorFormat() {
    }

    static void requireReadable(byte[] descriptor, String location) {
        JsonNode version;
        try {
            version = JSON.readTree(descriptor).get("format_version");
        } catch (IOException | RuntimeException e) {
            return; // not JSON: the application names the damaged descriptor
        }
        if (version != null && version.isInt() && !RepositoryDescriptor.readable(version.intValue())) {
            throw RepositoryFormatMismatch.unreadableFormat(location, version.intValue());
        }
    }
}
