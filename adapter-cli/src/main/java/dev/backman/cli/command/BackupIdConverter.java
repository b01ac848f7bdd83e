package dev.backman.cli.command;

import dev.backman.domain.error.InvalidConfiguration;
import dev.backman.domain.model.BackupId;
import picocli.CommandLine;

/** Accepts only valid backup ids ({@code [A-Za-z0-9][A-Za-z0-9._-]{0,127}}); anything else is a usage error. */
public final class BackupIdConverter implements CommandLine.ITypeConverter<String> {

    @Override
    public String convert(String value) {
        try {
            return new BackupId(value).value();
        } catch (InvalidConfiguration e) {
            throw new CommandLine.TypeConversionException(e.problem());
        }
    }
}
