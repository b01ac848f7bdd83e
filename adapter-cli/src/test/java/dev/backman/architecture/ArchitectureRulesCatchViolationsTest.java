package dev.backman.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.backman.domain.fixture.DomainClassUsingPicocliAndTheSystemClock;
import dev.backman.sqlite.fixture.SqliteClassUsingTheFilesystemAdapter;
import org.junit.jupiter.api.Test;

/** Proves the rules are not vacuous: a bad fixture class in a domain package violates them. */
class ArchitectureRulesCatchViolationsTest {
    private final JavaClasses bad = new ClassFileImporter()
            .importClasses(DomainClassUsingPicocliAndTheSystemClock.class);

    @Test
    void domainRuleCatchesAFrameworkDependency() {
        assertThatThrownBy(() -> ArchitectureRules.domainUsesOnlyTheJdk().check(bad))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("picocli.CommandLine");
    }

    @Test
    void picocliRuleCatchesUseOutsideTheCommandLine() {
        assertThatThrownBy(() -> ArchitectureRules.confinedTo("picocli..", "dev.backman.cli..").check(bad))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void adapterRuleCatchesAnAdapterUsingAnother() {
        JavaClasses crossing = new ClassFileImporter().importClasses(SqliteClassUsingTheFilesystemAdapter.class);
        assertThatThrownBy(() -> ArchitectureRules.adaptersAreIndependent().check(crossing))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("JdkChecksums");
    }

    @Test
    void clockRuleCatchesInstantNow() {
        assertThatThrownBy(() -> ArchitectureRules.noSystemTimeInCore().check(bad))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Instant.now()");
    }
}
