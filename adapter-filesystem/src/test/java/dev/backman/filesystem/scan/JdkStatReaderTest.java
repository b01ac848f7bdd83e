package dev.backman.filesystem.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import org.junit.jupiter.api.Test;

class JdkStatReaderTest extends AttributeReaderContract {

    @Override
    AttributeReader reader() {
        return JdkStatReader.ifOpened().orElseThrow(() -> new AssertionError(
                "sun.nio.fs is not open to the tests: the build's surefire argLine gives --add-opens"));
    }

    @Test
    void theScanUsesItWhereTheJdkPackageIsOpen() {
        assertThat(AttributeReader.forFileSystem(FileSystems.getDefault())).isInstanceOf(JdkStatReader.class);
    }

    @Test
    void withoutTheOpenPackageItIsNotOffered() throws Exception {
        // a fresh JVM without --add-opens: the lookup fails and the scan falls back to the reader by name
        ProcessBuilder java = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), ReaderChoice.class.getName());
        java.redirectErrorStream(true);
        Process process = java.start();
        String output = new String(process.getInputStream().readAllBytes()).trim();

        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).isEqualTo("UnixAttributeReader");
    }

    /** Prints the reader the scan would use in this JVM. */
    public static final class ReaderChoice {
        public static void main(String[] args) {
            System.out.println(AttributeReader.forFileSystem(FileSystems.getDefault()).getClass().getSimpleName());
        }
    }
}
