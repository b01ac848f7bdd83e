package dev.backman.filesystem.scan;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An exclude glob compiled to a regular expression: {@code *}, {@code ?} and {@code [...]} stay within one path
 * component, {@code **} crosses components ({@code a/**}{@code /b} also matches {@code a/b}), {@code {x,y}} is
 * alternation and {@code \} escapes the next character.
 */
final class GlobPattern {
    private final Pattern regex;

    GlobPattern(String glob) {
        this.regex = compile(glob);
    }

    boolean matches(String text) {
        return regex.matcher(text).matches();
    }

    static boolean hasWildcards(String glob) {
        for (int i = 0; i < glob.length(); i++) {
            if ("*?[{\\".indexOf(glob.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static Pattern compile(String glob) {
        try {
            return Pattern.compile(toRegex(glob));
        } catch (PatternSyntaxException e) {
            // An unbalanced brace or similar: match the pattern literally rather than failing the scan.
            return Pattern.compile(Pattern.quote(glob));
        }
    }

    static String toRegex(String glob) {
        StringBuilder re = new StringBuilder(glob.length() * 2);
        int braces = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> i = appendStar(glob, i, re);
                case '?' -> re.append("[^/]");
                case '[' -> i = appendClass(glob, i, re);
                case '{' -> {
                    braces++;
                    re.append("(?:");
                }
                case '}' -> {
                    if (braces > 0) {
                        braces--;
                        re.append(')');
                    } else {
                        re.append("\\}");
                    }
                }
                case ',' -> re.append(braces > 0 ? "|" : ",");
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        i++;
                    }
                    appendLiteral(glob.charAt(i), re);
                }
                default -> appendLiteral(c, re);
            }
        }
        return re.toString();
    }

    private static int appendStar(String glob, int i, StringBuilder re) {
        boolean doubleStar = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
        if (!doubleStar) {
            re.append("[^/]*");
            return i;
        }
        int next = i + 2;
        if (next < glob.length() && glob.charAt(next) == '/') {
            re.append("(?:.*/)?"); // "**/" also matches no directory at all
            return next;
        }
        re.append(".*");
        return i + 1;
    }

    private static int appendClass(String glob, int start, StringBuilder re) {
        int i = start + 1;
        boolean negate = i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^');
        if (negate) {
            i++;
        }
        int contentStart = i;
        if (i < glob.length() && glob.charAt(i) == ']') {
            i++; // a leading ']' is a member, not the end
        }
        while (i < glob.length() && glob.charAt(i) != ']') {
            i++;
        }
        if (i >= glob.length()) {
            appendLiteral('[', re);
            return start;
        }
        re.append('[');
        if (negate) {
            re.append('^');
        }
        for (int k = contentStart; k < i; k++) {
            char c = glob.charAt(k);
            if ("\\[]&^".indexOf(c) >= 0) {
                re.append('\\');
            }
            re.append(c);
        }
        re.append("&&[^/]]");
        return i;
    }

    private static void appendLiteral(char c, StringBuilder re) {
        if ("\\.[]{}()<>*+-=!?^$|".indexOf(c) >= 0) {
            re.append('\\');
        }
        re.append(c);
    }
}
