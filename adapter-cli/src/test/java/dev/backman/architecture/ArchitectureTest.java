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
    void adaptersDoNotDependOnEachOther() {
        ArchitectureRules.adaptersAreIndependent().check(production);
    }

    @Test
    void domainModelDoesNotDependOnPorts() {
        ArchitectureRules.modelKnowsNoPorts().check(production);
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
        ArchitectureRules.confinedTo("software.amazon..", "dev.backman.s3..", "dev.backman.cli..")
                .allowEmptyShould(true).check(production);
    }

    @Test
    void sqliteAndJdbiOnlyInTheSqliteAdapter() {
        ArchitectureRules.confinedTo("org.jdbi..", "dev.backman.sqlite..").check(production);
        ArchitectureRules.confinedTo("org.sqlite..", "dev.backman.sqlite..").allowEmptyShould(true)
                .check(production);
    }

    @Test
    void commonsCompressOnlyInTheFilesystemAdapter() {
        ArchitectureRules.confinedTo("org.apache.commons.compress..", "dev.backman.filesystem..")
                .check(production);
    }

    @Test
    void tinkAndBouncyCastleOnlyInTheCryptoAdapter() {
        ArchitectureRules.confinedTo("com.google.crypto.tink..", "dev.backman.crypto..").check(production);
        ArchitectureRules.confinedTo("org.bouncycastle..", "dev.backman.crypto..").check(production);
    }

    @Test
    void cronUtilsOnlyInTheCronAdapter() {
        ArchitectureRules.confinedTo("com.cronutils..", "dev.backman.cron..").check(production);
    }

    @Test
    void picocliAndGuiceOnlyInTheCommandLine() {
        ArchitectureRules.confinedTo("picocli..", "dev.backman.cli..").check(production);
        ArchitectureRules.confinedTo("com.google.inject..", "dev.backman.cli..").check(production);
        ArchitectureRules.confinedTo("jakarta.inject..", "dev.backman.cli..").allowEmptyShould(true)
                .check(production);
    }

    @Test
    void coreTakesTimeFromTheClockPort() {
        ArchitectureRules.noSystemTimeInCore().check(production);
    }
}
