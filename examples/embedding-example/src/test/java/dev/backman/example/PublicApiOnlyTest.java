package dev.backman.example;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaModifier.PUBLIC;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.properties.HasModifiers.Predicates.modifier;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The example hosts use nothing but backman's public embedding API: the application, the domain, the adapters'
 * public classes and the Guice modules of {@code dev.backman.cli.wiring}; never the command line's own packages, and
 * nothing internal.
 */
@AnalyzeClasses(packages = "dev.backman.example", importOptions = ImportOption.DoNotIncludeTests.class)
class PublicApiOnlyTest {

    @ArchTest
    static final ArchRule hostsUseOnlyPublicClassesOfTheEmbeddingApi = classes()
            .that().resideInAPackage("dev.backman.example..")
            .should().onlyDependOnClassesThat(resideInAnyPackage("dev.backman.example..")
                    .or(resideInAnyPackage("java..", "com.google.inject..")
                            .or(resideInAnyPackage("dev.backman.application", "dev.backman.domain..",
                                    "dev.backman.filesystem..", "dev.backman.sqlite..", "dev.backman.s3..",
                                    "dev.backman.crypto..", "dev.backman.cli.wiring")
                                    .and(modifier(PUBLIC)))))
            .because("a host must be able to do what the examples do with the public API alone");

    @ArchTest
    static final ArchRule hostsNeverTouchTheCommandLineItself = noClasses()
            .that().resideInAPackage("dev.backman.example..")
            .should().dependOnClassesThat(resideInAnyPackage("dev.backman.cli", "dev.backman.cli.command..",
                    "dev.backman.cli.output..", "dev.backman.cli.logging..", "picocli.."));

    @ArchTest
    static final ArchRule hostsUseNoImplementationClasses = noClasses()
            .that().resideInAPackage("dev.backman.example..")
            .should().dependOnClassesThat(not(resideInAnyPackage("java..")).and(
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith("Impl")));
}
