package dev.backman.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/** The layering of SPEC section 2 and STYLE item 1, as ArchUnit rules. */
final class ArchitectureRules {
    private ArchitectureRules() {
    }

    private static final String[] ADAPTERS = {
        "dev.backman.filesystem..", "dev.backman.sqlite..", "dev.backman.s3..", "dev.backman.crypto..",
        "dev.backman.cron..", "dev.backman.cli.."};

    /** Adapters never depend on each other; only the command line (the composition root) sees them all. */
    static ArchRule adaptersAreIndependent() {
        CompositeArchRule rule = null;
        for (String adapter : ADAPTERS) {
            if (adapter.equals("dev.backman.cli..")) {
                continue;
            }
            String[] others = java.util.Arrays.stream(ADAPTERS).filter(a -> !a.equals(adapter))
                    .toArray(String[]::new);
            ArchRule one = noClasses().that().resideInAPackage(adapter)
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .allowEmptyShould(true)
                    .because("adapters are wired together only by the command line (SPEC section 2)");
            rule = rule == null ? CompositeArchRule.of(one) : rule.and(one);
        }
        return rule;
    }

    /** Inside the domain, the model and its errors know nothing of the ports. */
    static ArchRule modelKnowsNoPorts() {
        return noClasses().that().resideInAnyPackage("dev.backman.domain.model..", "dev.backman.domain.error..")
                .should().dependOnClassesThat().resideInAPackage("dev.backman.domain.port..")
                .because("ports are built on the model, not the other way round");
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
