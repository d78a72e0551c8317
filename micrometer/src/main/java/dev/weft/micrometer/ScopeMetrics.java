package dev.weft.micrometer;

import dev.weft.core.Scopes;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;

/**
 * The meters of weft's structured concurrency in this JVM, read from {@link Scopes}:
 * {@code weft.scopes.open} (gauge: the {@code TaskScope}s, gathers, task groups and
 * {@code Async.run}s open now) and {@code weft.forks.started} (function counter: the forks and
 * gathered tasks started since the JVM began). A steadily growing {@code weft.scopes.open} is a
 * scope that is never closed; {@link Scopes#dump()} shows which.
 *
 * {@snippet class=dev.weft.micrometer.snippets.MicrometerSnippets region=scope-metrics}
 *
 * <p>The {@code java.util.concurrent} neighbour is Micrometer's {@code JvmThreadMetrics}
 * ({@code jvm.threads.live}, {@code jvm.threads.started}), which counts threads, not the
 * structure they belong to.
 *
 * @since 0.1
 */
public final class ScopeMetrics implements MeterBinder {
    private final Tags tags;

    /** Meters without extra tags. */
    public ScopeMetrics() {
        this(Tags.empty());
    }

    /**
     * Meters with {@code tags} on each.
     *
     * @param tags the tags
     * @throws NullPointerException if {@code tags} is null
     */
    public ScopeMetrics(Iterable<Tag> tags) {
        this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        // Scopes.class, always reachable, is the meters' state: the counts are the JVM's, not an object's
        Gauge.builder("weft.scopes.open", Scopes.class, c -> Scopes.openScopes()).tags(tags)
                .description("The weft scopes, gathers, task groups and Async.run calls open now").register(registry);
        FunctionCounter.builder("weft.forks.started", Scopes.class, c -> Scopes.forksStarted()).tags(tags)
                .description("The forks and gathered tasks started in this JVM").register(registry);
    }
}
