package dev.backman.cli.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.AutoComplete;

/**
 * The commands of {@code backman}, in the order help lists them, each with the name it is called by (the name in its
 * {@code @Command}).
 *
 * <p>picocli builds the model of every registered command before it parses anything: reflection over each command's
 * options, converters and mixins, and an instance of each from the injector. A run registers only the commands its
 * arguments name ({@link #namedIn}): a command that no argument names cannot be the one that runs, and picocli never
 * consults an unnamed sibling while it parses. Arguments that name none (no command, {@code --help}, a misspelt
 * command) get them all, so usage help and "did you mean" suggestions are whole, as does
 * {@code generate-completion}, whose script covers every command.
 */
public enum Subcommand {
    INIT("init", InitCommand.class),
    BACKUP("backup", BackupCommand.class),
    RESTORE("restore", RestoreCommand.class),
    LIST("list", ListCommand.class),
    STATUS("status", StatusCommand.class),
    VERIFY("verify", VerifyCommand.class),
    PRUNE("prune", PruneCommand.class),
    REPLICATE("replicate", ReplicateCommand.class),
    EXPORT("export", ExportCommand.class),
    CATALOG("catalog", CatalogCommand.class),
    REPO("repo", RepoCommand.class),
    UNLOCK("unlock", UnlockCommand.class),
    KEY("key", KeyCommand.class),
    SCHEDULE("schedule", ScheduleCommand.class),
    GENERATE_COMPLETION("generate-completion", AutoComplete.GenerateCompletion.class);

    private final String commandName;
    private final Class<?> type;

    Subcommand(String commandName, Class<?> type) {
        this.commandName = commandName;
        this.type = type;
    }

    /** The name the command is called by. */
    public String commandName() {
        return commandName;
    }

    /** The command's class, as picocli and the injector build it. */
    public Class<?> type() {
        return type;
    }

    /**
     * The commands some argument names exactly, in help order; all of them when no argument names one, or when one
     * names {@code generate-completion}.
     *
     * @param args a command line, as {@code main} receives it
     */
    public static List<Subcommand> namedIn(String... args) {
        Set<String> words = new HashSet<>(Arrays.asList(args));
        List<Subcommand> named = new ArrayList<>();
        for (Subcommand command : values()) {
            if (words.contains(command.commandName)) {
                named.add(command);
            }
        }
        // the completion script is generated from the commands registered beside it
        return named.isEmpty() || named.contains(GENERATE_COMPLETION) ? List.of(values()) : named;
    }
}
