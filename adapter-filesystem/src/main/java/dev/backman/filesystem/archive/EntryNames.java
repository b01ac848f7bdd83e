package dev.backman.filesystem.archive;

/** Entry names as the domain wants them: raw, but without the trailing '/' formats put on directories. */
final class EntryNames {

    private EntryNames() {
    }

    static String withoutTrailingSlash(String name) {
        int end = name.length();
        while (end > 1 && name.charAt(end - 1) == '/') {
            end--;
        }
        return name.substring(0, end);
    }
}
