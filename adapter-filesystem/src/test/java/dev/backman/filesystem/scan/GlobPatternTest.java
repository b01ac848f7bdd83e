package dev.backman.filesystem.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlobPatternTest {

    @Test
    void singleStarStaysWithinOneComponent() {
        GlobPattern pattern = new GlobPattern("docs/*.tmp");
        assertThat(pattern.matches("docs/a.tmp")).isTrue();
        assertThat(pattern.matches("docs/sub/a.tmp")).isFalse();
        assertThat(pattern.matches("other/docs/a.tmp")).isFalse();
    }

    @Test
    void doubleStarSlashMatchesZeroOrMoreDirectories() {
        GlobPattern pattern = new GlobPattern("build/**/*.class");
        assertThat(pattern.matches("build/A.class")).isTrue();
        assertThat(pattern.matches("build/x/A.class")).isTrue();
        assertThat(pattern.matches("build/x/y/A.class")).isTrue();
        assertThat(pattern.matches("build/x/A.java")).isFalse();
        assertThat(pattern.matches("src/build/A.class")).isFalse();
    }

    @Test
    void trailingDoubleStarMatchesEverythingBelow() {
        GlobPattern pattern = new GlobPattern("out/**");
        assertThat(pattern.matches("out/a")).isTrue();
        assertThat(pattern.matches("out/a/b/c")).isTrue();
        assertThat(pattern.matches("out")).isFalse();
    }

    @Test
    void questionMarkClassesAndBracesWork() {
        assertThat(new GlobPattern("file?.txt").matches("file1.txt")).isTrue();
        assertThat(new GlobPattern("file?.txt").matches("file12.txt")).isFalse();
        assertThat(new GlobPattern("[abc].log").matches("b.log")).isTrue();
        assertThat(new GlobPattern("[!abc].log").matches("b.log")).isFalse();
        assertThat(new GlobPattern("[!abc].log").matches("d.log")).isTrue();
        assertThat(new GlobPattern("*.{jpg,png}").matches("x.png")).isTrue();
        assertThat(new GlobPattern("*.{jpg,png}").matches("x.gif")).isFalse();
    }

    @Test
    void regexCharactersAreLiteral() {
        assertThat(new GlobPattern("a+b(1).txt").matches("a+b(1).txt")).isTrue();
        assertThat(new GlobPattern("*.txt").matches("atxt")).isFalse();
        assertThat(new GlobPattern("\\*.txt").matches("*.txt")).isTrue();
        assertThat(new GlobPattern("\\*.txt").matches("a.txt")).isFalse();
    }

    @Test
    void malformedPatternMatchesLiterallyInsteadOfFailing() {
        assertThat(new GlobPattern("weird{name").matches("weird{name")).isTrue();
        assertThat(new GlobPattern("[unclosed").matches("[unclosed")).isTrue();
    }
}
