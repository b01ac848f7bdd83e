package dev.backman.cli.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;

/**
 * One line per event, {@code backman: LEVEL Logger: message}, then the stack trace of an attached exception: what
 * the pattern {@code backman: %level %logger{0}: %msg%n} gives, without loading Logback's pattern parser and its
 * converters (about 150 classes) at the start of every command.
 */
final class StderrLayout extends LayoutBase<ILoggingEvent> {

    @Override
    public String doLayout(ILoggingEvent event) {
        String logger = event.getLoggerName();
        StringBuilder line = new StringBuilder(128)
                .append("backman: ").append(event.getLevel()).append(' ')
                .append(logger, logger.lastIndexOf('.') + 1, logger.length()).append(": ")
                .append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(ThrowableProxyUtil.asString(thrown)); // ends with a line separator of its own
        }
        return line.toString();
    }
}
