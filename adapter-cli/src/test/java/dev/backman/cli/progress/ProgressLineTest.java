package dev.backman.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.port.Progress;
import dev.backman.domain.port.Progress.Phase;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void showsPhasePercentBarFilesBytesRateAndTimeLeft() {
        String line = ProgressLine.render(new Progress(Phase.ARCHIVING, 12, 40, 256L << 20, 1L << 30), 4 * SECOND,
                100);

        assertThat(line).startsWith("archiving   25% [#").contains("#-", "]  12/40 files  256 MiB/1.0 GiB",
                "64 MiB/s", "ETA 0:12");
        assertThat(line.length()).isLessThan(100);
    }

    @Test
    void fitsAnEightyColumnTerminalKeepingTheBar() {
        String line = ProgressLine.render(new Progress(Phase.ARCHIVING, 12_345, 31_293, 456L << 20, 1090L << 20),
                600 * SECOND, 80);

        assertThat(line.length()).isLessThan(80);
        assertThat(line).contains("[#", "12345/31293 files", "ETA");
    }

    @Test
    void aNarrowTerminalGetsACutLine() {
        String line = ProgressLine.render(new Progress(Phase.RESTORING, 1, 3, 10, 30), SECOND, 24);

        assertThat(line).hasSizeLessThan(24).startsWith("restoring   33%");
    }

    @Test
    void aScanHasNoTotalsYetSoNoPercent() {
        String line = ProgressLine.render(new Progress(Phase.SCANNING, 120, 0, 3L << 20, 0), 0, 80);

        assertThat(line).isEqualTo("scanning  120 files  3.0 MiB");
    }

    @Test
    void verifyingCountsBackupsAndFallsBackToThemForThePercent() {
        String line = ProgressLine.render(new Progress(Phase.VERIFYING, 1, 4, 0, 0), 0, 80);

        assertThat(line).startsWith("verifying   25% [").endsWith("  1/4 backups");
    }

    @Test
    void aPhaseWithoutCountsIsItsName() {
        assertThat(ProgressLine.render(new Progress(Phase.PRUNING, 0, 0, 0, 0), 0, 80)).isEqualTo("pruning");
    }
}
