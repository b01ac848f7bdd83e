package dev.backman.cli.docs;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The roff synopsis of one command, from its picocli model: its full name, then its own options (those it inherits
 * are described once, under OPTIONS), option groups as picocli shows them ({@code [--a | --b]}), its parameters, and
 * {@code COMMAND} when it has subcommands.
 */
final class CommandSynopsis {
    private CommandSynopsis() {
    }

    static String of(CommandSpec command) {
        List<String> items = new ArrayList<>();
        items.add(RoffText.bold(command.qualifiedName(" ")));
        for (OptionSpec option : ManPage.ownOptions(command)) {
            if (option.group() == null) {
                items.add(optional(option.required(), option(option)) + (option.isMultiValue() ? "..." : ""));
            }
        }
        for (ArgGroupSpec group : command.argGroups()) {
            items.add(group(group));
        }
        for (PositionalParamSpec parameter : ManPage.visibleParameters(command)) {
            if (parameter.group() == null) {
                String item = RoffText.italic(parameter.paramLabel()) + (parameter.arity().max() > 1 ? "..." : "");
                items.add(optional(parameter.arity().min() > 0, item));
            }
        }
        if (!ManPage.visibleSubcommands(command).isEmpty()) {
            items.add(RoffText.italic("COMMAND"));
        }
        return String.join(" ", items);
    }

    /** {@code =LABEL} for an option that takes a value, nothing for a flag. */
    static String parameterOf(OptionSpec option) {
        return option.arity().max() > 0 ? "=" + RoffText.italic(option.paramLabel()) : "";
    }

    private static String option(OptionSpec option) {
        return RoffText.bold(option.longestName()) + parameterOf(option);
    }

    private static String group(ArgGroupSpec group) {
        List<String> members = new ArrayList<>();
        group.options().stream().filter(o -> !o.hidden()).forEach(o -> members.add(option(o)));
        group.subgroups().forEach(sub -> members.add(group(sub)));
        String joined = String.join(group.exclusive() ? " | " : " ", members);
        boolean required = group.multiplicity().min() > 0;
        String item = required && members.size() > 1 ? "(" + joined + ")" : optional(required, joined);
        return item + (group.multiplicity().max() > 1 ? "..." : "");
    }

    private static String optional(boolean required, String item) {
        return required ? item : "[" + item + "]";
    }
}
