package dev.backman.cli.command;

import dev.backman.domain.model.CompressionType;
import picocli.CommandLine;

/** Parses an archive format name as in {@code compression_type} ({@code zip}, {@code tar.zst} …). */
public final class CompressionTypeConverter implements CommandLine.ITypeConverter<CompressionType> {

    @Override
    public CompressionType convert(String value) {
        return CompressionType.find(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                "unknown format '" + value + "'; expected one of " + CompressionType.names()));
    }
}
