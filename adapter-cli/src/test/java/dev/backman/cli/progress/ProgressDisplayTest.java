package dev.backman.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.cli.GlobalOptions;
import dev.backman.domain.port.Progress;
import dev.backman.domain.port.Progress.Phase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class ProgressDisplayTest {
    private static final long MS = 1_000_000L;
    private final StringWriter err = new StringWriter();
    private final AtomicLong now = new AtomicLong();

    private ProgressDisplay display(ProgressTerminal terminal, String... options) {
        GlobalOptions globals = new GlobalOptions();
        new CommandLine(globals).parseArgs(options);
        return new ProgressDisplay(new PrintWriter(err), globals, terminal, now::get);
    }

    @Test
    void redrawsAtMostEveryHundredMillisecondsButAlwaysWhenAPhaseStartsOrCompletes() {
        ProgressDisplay display = display(() -> true);

        display.show(new Progress(Phase.ARCHIVING, 1, 10, 100, 1000));
        now.set(50 * MS);
        display.show(new Progress(Phase.ARCHIVING, 2, 10, 200, 1000));
        now.set(120 * MS);
        display.show(new Progress(Phase.ARCHIVING, 3, 10, 300, 1000));
        now.set(130 * MS);
        display.show(new Progress(Phase.ARCHIVING, 10, 10, 1000, 1000));
        now.set(140 * MS);
        display.show(new Progress(Phase.PRUNING, 0, 0, 0, 0));

        String drawn = err.toString();
        assertThat(drawn).contains("\rarchiving   10%", "\rarchiving   30%", "\rarchiving  100%", "\rpruning");
        assertThat(drawn).doesNotContain("20%");
    }

    @Test
    void aWarningGoesOnALineOfItsOwnAndTheBarComesBackBelowIt() {
        ProgressDisplay display = display(() -> true);
        display.show(new Progress(Phase.RESTORING, 1, 4, 100, 400));
        String bar = err.toString().substring(1);

        display.warning("backman: warning: something");

        assertThat(err.toString()).isEqualTo("\r" + bar + "\r" + " ".repeat(bar.length()) + "\r"
                + "backman: warning: something" + System.lineSeparator() + "\r" + bar);
    }

    @Test
    void clearErasesTheBarAndAWarningAfterItDrawsNoBar() {
        ProgressDisplay display = display(() -> true);
        display.show(new Progress(Phase.VERIFYING, 0, 1, 0, 4096));
        String bar = err.toString().substring(1);

        display.clear();
        display.warning("backman: warning: late");

        assertThat(err.toString()).isEqualTo("\r" + bar + "\r" + " ".repeat(bar.length()) + "\r"
                + "backman: warning: late" + System.lineSeparator());
    }

    @Test
    void aShorterLineWipesWhatALongerOneLeft() {
        ProgressDisplay display = display(() -> true);
        display.show(new Progress(Phase.ARCHIVING, 1, 1000, 1 << 20, 1L << 30));
        String first = err.toString().substring(1);

        display.show(new Progress(Phase.PRUNING, 0, 0, 0, 0));

        assertThat(err.toString()).endsWith("\rpruning" + " ".repeat(first.length() - "pruning".length()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--json", "-q", "-v"})
    void nothingIsDrawnWith(String option) {
        ProgressDisplay display = display(() -> true, option);

        display.show(new Progress(Phase.ARCHIVING, 1, 10, 100, 1000));
        display.clear();

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void nothingIsDrawnWithoutATerminal() {
        ProgressDisplay display = display(ProgressTerminal.NONE);

        display.show(new Progress(Phase.ARCHIVING, 1, 10, 100, 1000));
        display.warning("backman: warning: plain");

        assertThat(err.toString()).isEqualTo("backman: warning: plain" + System.lineSeparator());
    }
}
