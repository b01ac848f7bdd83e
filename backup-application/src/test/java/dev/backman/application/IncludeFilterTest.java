package dev.backman.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IncludeFilterTest {

    @Test
    void noGlobsSelectEverything() {
        assertThat(new IncludeFilter(List.of()).selects("src/anything")).isTrue();
    }

    @Test
    void doubleStarSelectsASubtree() {
        IncludeFilter filter = new IncludeFilter(List.of("src/main/**"));
        assertThat(filter.selects("src/main/java/App.java")).isTrue();
        assertThat(filter.selects("src/test/AppTest.java")).isFalse();
    }

    @Test
    void aMatchingDirectorySelectsEverythingBelowIt() {
        IncludeFilter filter = new IncludeFilter(List.of("src/docs"));
        assertThat(filter.selects("src/docs")).isTrue();
        assertThat(filter.selects("src/docs/a/b.md")).isTrue();
        assertThat(filter.selects("src/docsx")).isFalse();
    }

    @Test
    void singleStarStaysWithinOneComponent() {
        IncludeFilter filter = new IncludeFilter(List.of("src/*.txt"));
        assertThat(filter.selects("src/a.txt")).isTrue();
        assertThat(filter.selects("src/deep/a.txt")).isFalse();
    }
}
