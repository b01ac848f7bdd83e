package dev.backman.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.backman.domain.port.BackupCatalog;
import dev.backman.domain.port.RepositoryDocuments;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

    /** The build compiles with {@code -XDstringConcat=inline}: no concatenation spins a class at start-up. */
    @Test
    void productionCodeConcatenatesStringsWithoutInvokedynamic() throws Exception {
        byte[] bootstrap = "java/lang/invoke/StringConcatFactory".getBytes(StandardCharsets.US_ASCII);
        List<String> spinning = new ArrayList<>();
        for (JavaClass type : production) {
            URI classFile = type.getSource().orElseThrow().getUri();
            try (InputStream in = classFile.toURL().openStream()) {
                if (contains(in.readAllBytes(), bootstrap)) {
                    spinning.add(type.getName());
                }
            }
        }
        assertThat(production.size()).isGreaterThan(100);
        assertThat(spinning).isEmpty();
    }

    private static boolean contains(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= data.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * A wrapper of the documents or the catalog port (the lazy ones, the sealing one) must pass on every method,
     * those with a default body too: a default would run the port's general way around the wrapped adapter's own (a
     * manifest decoded whole where the adapter streams it entry by entry). Wrappers of the storage port are left
     * out: an encrypting storage rightly keeps the defaults that write through its own {@code stage}.
     */
    @Test
    void aDocumentsOrCatalogWrapperOverridesEveryMethodOfThePort() {
        List<String> missing = new ArrayList<>();
        List<String> wrappers = new ArrayList<>();
        for (Class<?> port : List.of(RepositoryDocuments.class, BackupCatalog.class)) {
            for (JavaClass type : production) {
                boolean wraps = type.getFields().stream().anyMatch(f -> f.getRawType().isEquivalentTo(port));
                if (!type.isAssignableTo(port) || !wraps) {
                    continue;
                }
                wrappers.add(type.getSimpleName());
                for (Method method : port.getMethods()) {
                    try {
                        type.reflect().getDeclaredMethod(method.getName(), method.getParameterTypes());
                    } catch (NoSuchMethodException e) {
                        missing.add(type.getSimpleName() + "." + method.getName());
                    }
                }
            }
        }
        assertThat(wrappers).contains("LazyRepositoryDocuments", "SealingDocuments", "LazyBackupCatalog");
        assertThat(missing).isEmpty();
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
