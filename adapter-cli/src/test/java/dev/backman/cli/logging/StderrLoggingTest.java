package dev.backman.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class StderrLoggingTest {
    private static final String NL = System.lineSeparator();

    private final LoggerContext context = new LoggerContext();

    @Test
    void aWarningIsOneLineWithLevelSimpleLoggerNameAndFormattedMessage() {
        String line = layout(event("dev.backman.application.CreateBackup", Level.WARN, "disk {} is full", null,
                "/mnt/backup"));

        assertThat(line).isEqualTo("backman: WARN CreateBackup: disk /mnt/backup is full" + NL);
    }

    @Test
    void aLoggerNameWithoutDotsIsKeptWhole() {
        assertThat(layout(event(Logger.ROOT_LOGGER_NAME, Level.ERROR, "gone", null)))
                .isEqualTo("backman: ERROR ROOT: gone" + NL);
    }

    @Test
    void anAttachedExceptionFollowsTheLineWithItsStackTrace() {
        IOException cause = new IOException("No space left on device");

        String text = layout(event("dev.backman.filesystem.Writer", Level.ERROR, "write failed", cause));

        assertThat(text)
                .startsWith("backman: ERROR Writer: write failed" + NL + "java.io.IOException: No space left on device")
                .contains("\tat " + StderrLoggingTest.class.getName())
                .endsWith(NL)
                .doesNotEndWith(NL + NL);
    }

    @Test
    void configurationSendsWarningsAndAboveToStandardErrorThroughTheLayout() {
        new StderrLogging().configure(context);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        Appender<ILoggingEvent> appender = root.getAppender("stderr");
        assertThat(appender).isInstanceOfSatisfying(ConsoleAppender.class, console -> {
            assertThat(console.getTarget()).isEqualTo("System.err");
            assertThat(console.isStarted()).isTrue();
            assertThat(console.getEncoder()).isInstanceOfSatisfying(LayoutWrappingEncoder.class,
                    encoder -> assertThat(encoder.getLayout()).isInstanceOf(StderrLayout.class));
        });
    }

    private LoggingEvent event(String logger, Level level, String message, Throwable thrown, Object... args) {
        return new LoggingEvent(Logger.class.getName(), context.getLogger(logger), level, message, thrown, args);
    }

    private String layout(ILoggingEvent event) {
        StderrLayout layout = new StderrLayout();
        layout.setContext(context);
        layout.start();
        return layout.doLayout(event);
    }
}
