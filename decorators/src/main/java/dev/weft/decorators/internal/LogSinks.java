package dev.weft.decorators.internal;

import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SLF4J sinks of the stock decorators: logger {@value #LOGGER_NAME}, level INFO. */
public final class LogSinks {

    /** The logger the stock decorators write to when given no sink. */
    public static final String LOGGER_NAME = "dev.weft.decorators";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    private static final Consumer<String> LINES = line -> LOG.info("{}", line);

    private static final BiConsumer<String, Duration> TIMES = (name, elapsed) -> {
        if (LOG.isInfoEnabled()) {
            LOG.info("{} took {}", name, DurationText.format(elapsed));
        }
    };

    private LogSinks() {
    }

    /** {@return a sink that logs each line at INFO} */
    public static Consumer<String> lines() {
        return LINES;
    }

    /** {@return a sink that logs "NAME took DURATION" at INFO} */
    public static BiConsumer<String, Duration> times() {
        return TIMES;
    }

    /**
     * {@return a timing sink that writes "NAME took DURATION" lines to {@code out}}
     *
     * @param out where the lines go
     */
    public static BiConsumer<String, Duration> times(Consumer<String> out) {
        return (name, elapsed) -> out.accept(name + " took " + DurationText.format(elapsed));
    }
}
