package dev.backman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class StartupWarmUpTest {

    @Test
    void warmsUpOnADaemonThreadThatEndsAndSetsLoggingUpAsACommandWould() throws InterruptedException {
        Thread thread = StartupWarmUp.begin();

        assertThat(thread.isDaemon()).isTrue(); // the JVM must not wait for it to exit
        assertThat(thread.getName()).isEqualTo("backman-warm-up");
        thread.join(60_000);
        assertThat(thread.isAlive()).isFalse();
        // through backman's own configurator (warnings, to stderr), whichever thread got there first
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getAppender("stderr")).isNotNull();
    }
}
