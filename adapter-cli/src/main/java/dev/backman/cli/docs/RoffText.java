package dev.backman.cli.docs;

import java.util.IllegalFormatException;
import java.util.Locale;

/** Text for roff (the man page format): escaped so that roff prints it as written. */
final class RoffText {
    private RoffText() {
    }

    /**
     * {@code text} escaped for a roff input line: backslashes, hyphens (so option names stay ASCII hyphen-minus when
     * copied from the page), quotes that would print curly, and a control character at the start of the line.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\e");
                case '-' -> out.append("\\-");
                case '\'' -> out.append("\\(aq");
                case '`' -> out.append("\\(ga");
                default -> out.append(c);
            }
        }
        return out.length() > 0 && out.charAt(0) == '.' ? "\\&" + out : out.toString();
    }

    static String bold(String text) {
        return "\\fB" + escape(text) + "\\fR";
    }

    static String italic(String text) {
        return "\\fI" + escape(text) + "\\fR";
    }

    /**
     * A picocli description line as the help prints it: picocli treats description lines as format strings
     * ({@code %%} is a percent sign, {@code %n} a line break).
     */
    static String formatted(String descriptionLine) {
        try {
            return String.format(Locale.ROOT, descriptionLine);
        } catch (IllegalFormatException e) {
            return descriptionLine;
        }
    }
}
