package dev.backman.cli.wiring;

import java.io.Console;

/** Asks for a secret on the terminal without echo; {@link Passphrases} uses it when no other source is set. */
interface PasswordPrompt {

    /** The line typed after {@code prompt}, or null at the end of input. */
    char[] read(String prompt);

    /** The process's terminal, or null when there is none (a pipe, cron, a service). */
    static PasswordPrompt of(Console console) {
        return console == null ? null : prompt -> console.readPassword("%s", prompt);
    }
}
