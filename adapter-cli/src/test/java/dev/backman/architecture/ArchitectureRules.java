package dev.backman.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of SPEC section 2 and STYLE item 1, as ArchUnit rules. */
final class ArchitectureRules {
    private ArchitectureRules() {
    }

    /** Domain → application → adapters; adapters never depend on each other (the CLI composes them). */
    static ArchRule onion() {
        return onionArchitecture()
                .domainModels("dev.backman.domain.model..", "dev.backman.domain.error..")
                .domainServices("dev.backman.domain.port..")
                .applicationServices("dev.backman.application..")
                .adapter("filesystem", "dev.backman.filesystem..")
                .adapter("sqlite", "dev.backman.sqlite..")
                .adapter("s3", "dev.backman.s3..")
                .adapter("cli", "dev.backman.cli..")
                .withOptionalLayers(true)
                .ignoreDependency(JavaClass.Predicates.resideInAPackage("dev.backman.cli.."),
                        DescribedPredicate.alwaysTrue());
    }

    /** The domain uses the JDK only. */
    static ArchRule domainUsesOnlyTheJdk() {
        return classes().that().resideInAPackage("dev.backman.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.backman.domain..")
                .because("the domain is plain Java (SPEC section 2)");
    }

    /** The application uses the JDK and the domain only. */
    static ArchRule applicationUsesOnlyDomain() {
        return classes().that().resideInAPackage("dev.backman.application..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.backman.domain..", "dev.backman.application..")
                .because("use cases see the outside world through ports only");
    }

    static ArchRule confinedTo(String libraryPackage, String... allowed) {
        return noClasses().that().resideOutsideOfPackages(allowed)
                .should().dependOnClassesThat().resideInAPackage(libraryPackage)
                .because(libraryPackage + " belongs to its adapter only");
    }

    /** Time comes from the clock port, never from the system directly. */
    static ArchRule noSystemTimeInCore() {
        return noClasses().that().resideInAnyPackage("dev.backman.domain..", "dev.backman.application..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.OffsetDateTime.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("time comes from the java.time.Clock port so tests can fix it");
    }
}
