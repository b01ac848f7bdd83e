package dev.backman.domain.model;

import dev.backman.domain.error.InvalidConfiguration;
import java.util.regex.Pattern;

/** A backup identifier: {@code [A-Za-z0-9][A-Za-z0-9._-]{0,127}}, safe as a file name and an S3 key part. */
public record BackupId(String value) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /**
     * Checks the value.
     *
     * @param value the id
     * @throws InvalidConfiguration when it is not a valid id
     */
    public BackupId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new InvalidConfiguration("id", "'" + value
                    + "' is not a valid backup id: use 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    /**
     * Whether {@code value} is a valid backup id.
     *
     * @param value a candidate id, or null
     * @return true when it matches {@code [A-Za-z0-9][A-Za-z0-9._-]{0,127}}
     */
    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
