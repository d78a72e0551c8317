package dev.weft.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Writes {@link Figures} to {@code target/reliability-figures.md} once, when the whole test run
 * ends. Registered for every class of this module through {@code META-INF/services} (JUnit's
 * extension auto-detection, which the build turns on).
 *
 * <pre>{@code
 * // nothing to do in a test: counting with Figures.add(...) is enough
 * }</pre>
 */
public final class FiguresExtension implements BeforeAllCallback {
    private static final String KEY = "weft.reliability.figures";

    /** Creates the extension; JUnit does this through auto-detection. */
    public FiguresExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getTestClass().ifPresent(Figures::touch);
        // The root store is closed when the whole run ends: the writer runs once, last.
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(KEY, k -> new Writer(), Writer.class);
    }

    /** Writes the report when the root store closes. */
    private static final class Writer implements AutoCloseable {
        @Override
        public void close() {
            Path target = Path.of(System.getProperty("basedir", "."), "target");
            try {
                Files.createDirectories(target);
                Files.writeString(target.resolve("reliability-figures.md"), Figures.markdown());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
