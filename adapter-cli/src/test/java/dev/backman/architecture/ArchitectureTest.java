package dev.backman.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.backman");
    }

    @Test
    void layersFollowTheOnion() {
        ArchitectureRules.onion().check(production);
    }

    @Test
    void domainDependsOnTheJdkOnly() {
        ArchitectureRules.domainUsesOnlyTheJdk().check(production);
    }

    @Test
    void applicationDependsOnTheDomainOnly() {
        ArchitectureRules.applicationUsesOnlyDomain().check(production);
    }

    @Test
    void awsSdkOnlyInTheS3Adapter() {
        ArchitectureRules.libraryConfinedTo("software.amazon..", "dev.backman.s3..", "dev.backman.cli..")
                .allowEmptyShould(true).check(production);
    }

    @Test
    void sqliteAndJdbiOnlyInTheSqliteAdapter() {
        ArchitectureRules.libraryConfinedTo("org.jdbi..", "dev.backman.sqlite..").check(production);
        ArchitectureRules.libraryConfinedTo("org.sqlite..", "dev.backman.sqlite..").allowEmptyShould(true)
                .check(production);
    }

    @Test
    void commonsCompressOnlyInTheFilesystemAdapter() {
        ArchitectureRules.libraryConfinedTo("org.apache.commons.compress..", "dev.backman.filesystem..")
                .check(production);
    }

    @Test
    void picocliAndGuiceOnlyInTheCommandLine() {
        ArchitectureRules.libraryConfinedTo("picocli..", "dev.backman.cli..").check(production);
        ArchitectureRules.libraryConfinedTo("com.google.inject..", "dev.backman.cli..").check(production);
        ArchitectureRules.libraryConfinedTo("jakarta.inject..", "dev.backman.cli..").allowEmptyShould(true)
                .check(production);
    }

    @Test
    void coreTakesTimeFromTheClockPort() {
        ArchitectureRules.noSystemTimeInCore().check(production);
    }
}
