package dev.backman.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceRootTest {

    @Test
    void namesRootsAfterTheirLastElementAndDisambiguates() {
        List<SourceRoot> roots = SourceRoot.nameAll(List.of(Path.of("/a/src"), Path.of("/b/src"),
                Path.of("/c/config"), Path.of("/d/src")));
        assertThat(roots).extracting(SourceRoot::name).containsExactly("src", "src-2", "config", "src-3");
        assertThat(roots.get(1).path()).isEqualTo(Path.of("/b/src"));
    }
}
