package dev.backman.cli.docs;

import dev.backman.cli.BuildInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ScopeType;

/**
 * The {@code backman(1)} man page in roff, written from the picocli command model that parses the command line, so
 * that it says what {@code --help} says: every visible command, option, parameter and exit code is in it.
 */
public final class ManPage {
    private final CommandSpec root;
    private final BuildInfo build;

    /**
     * @param root  the {@code backman} command with its subcommands, as it parses command lines
     * @param build the version and build day for the page's header
     */
    public ManPage(CommandLine root, BuildInfo build) {
        this.root = root.getCommandSpec();
        this.build = build;
    }

    /**
     * The page.
     *
     * @return the man page source (roff, {@code man -l} shows it)
     */
    public String render() {
        StringBuilder roff = new StringBuilder();
        String name = root.name();
        roff.append(".\\\" Generated from the picocli command model by ").append(ManPage.class.getName())
                .append(": edit the command annotations, not this file.\n");
        roff.append(".TH ").append(name.toUpperCase(Locale.ROOT)).append(" 1 \"")
                .append(build.date().orElse("")).append("\" \"").append(RoffText.escape(name + " " + build.version()))
                .append("\" \"User Commands\"\n");
        roff.append(".SH NAME\n").append(RoffText.escape(name)).append(" \\- ")
                .append(RoffText.escape(summary(root))).append('\n');
        roff.append(".SH SYNOPSIS\n").append(CommandSynopsis.of(root)).append(" ...\n");
        roff.append(".SH DESCRIPTION\n");
        paragraphs(roff, root.usageMessage().description(), ".PP");
        roff.append(".SH OPTIONS\n");
        if (ownOptions(root).stream().allMatch(o -> o.scopeType() == ScopeType.INHERIT)) {
            roff.append("Every command accepts these options, before or after its name.\n");
        }
        options(roff, root);
        roff.append(".SH COMMANDS\n");
        for (CommandSpec command : visibleSubcommands(root)) {
            command(roff, command);
        }
        exitStatus(roff);
        roff.append(".SH ENVIRONMENT\n")
                .append(".TP\n.B JAVA_HOME\nThe Java runtime (17 or newer) to run on, when the launcher has none of "
                        + "its own; otherwise \\fBjava\\fR on the \\fBPATH\\fR.\n")
                .append(".TP\n.B BACKMAN_JAVA_OPTS\nExtra options for the Java virtual machine, e.g. "
                        + "\\fB\\-Xmx2g\\fR.\n");
        roff.append(".SH FILES\n.TP\n.I ./backman.yaml\nThe configuration file used when \\fB\\-\\-config\\fR is not "
                + "given.\n");
        roff.append(".SH SEE ALSO\n.BR tar (1),\n.BR unzip (1)\n");
        return roff.toString();
    }

    private static void command(StringBuilder roff, CommandSpec command) {
        roff.append(".SS \"").append(RoffText.escape(command.qualifiedName(" "))).append("\"\n");
        roff.append(CommandSynopsis.of(command)).append('\n').append(".PP\n");
        paragraphs(roff, command.usageMessage().description(), ".PP");
        for (PositionalParamSpec parameter : visibleParameters(command)) {
            roff.append(".TP\n").append(RoffText.italic(parameter.paramLabel())).append('\n');
            paragraphs(roff, parameter.description(), ".IP");
        }
        options(roff, command);
        for (CommandSpec sub : visibleSubcommands(command)) {
            command(roff, sub);
        }
    }

    private static void options(StringBuilder roff, CommandSpec command) {
        for (OptionSpec option : ownOptions(command)) {
            String names = Arrays.stream(option.names()).map(RoffText::bold).collect(Collectors.joining(", "));
            roff.append(".TP\n").append(names).append(CommandSynopsis.parameterOf(option)).append('\n');
            paragraphs(roff, option.description(), ".IP");
        }
    }

    private void exitStatus(StringBuilder roff) {
        Map<String, String> codes = root.usageMessage().exitCodeList();
        if (codes.isEmpty()) {
            return;
        }
        roff.append(".SH EXIT STATUS\n");
        codes.forEach((code, meaning) -> roff.append(".TP\n").append(RoffText.bold(code.strip())).append('\n')
                .append(RoffText.escape(RoffText.formatted(meaning).strip())).append('\n'));
    }

    /**
     * Description lines as roff: consecutive lines fill one paragraph, an empty line starts the next one (with
     * {@code breakMacro}), and a line indented with spaces stays on a line of its own (roff breaks there).
     */
    private static void paragraphs(StringBuilder roff, String[] description, String breakMacro) {
        for (String element : description) {
            for (String line : RoffText.formatted(element).split("\\R", -1)) {
                roff.append(line.isBlank() ? breakMacro : RoffText.escape(line.stripTrailing())).append('\n');
            }
        }
    }

    /** The first sentence of the command's description, starting lower-case, for the NAME line. */
    private static String summary(CommandSpec command) {
        String[] description = command.usageMessage().description();
        String first = description.length == 0 ? "" : RoffText.formatted(description[0]).strip();
        first = first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
        return first.isEmpty() ? first : Character.toLowerCase(first.charAt(0)) + first.substring(1);
    }

    /**
     * The options a command declares itself, shown in its help. Inherited ones, {@code --help} and {@code --version}
     * included, are described once, under OPTIONS.
     */
    static List<OptionSpec> ownOptions(CommandSpec command) {
        boolean root = command.parent() == null;
        return command.options().stream()
                .filter(o -> !o.hidden() && !o.inherited() && (root || !(o.usageHelp() || o.versionHelp())))
                .toList();
    }

    static List<PositionalParamSpec> visibleParameters(CommandSpec command) {
        return command.positionalParameters().stream().filter(p -> !p.hidden()).toList();
    }

    /** Subcommands in declaration order, each once (aliases share a command), hidden ones left out. */
    static List<CommandSpec> visibleSubcommands(CommandSpec command) {
        List<CommandSpec> result = new ArrayList<>();
        for (CommandLine sub : new LinkedHashSet<>(command.subcommands().values())) {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                result.add(sub.getCommandSpec());
            }
        }
        return result;
    }
}
