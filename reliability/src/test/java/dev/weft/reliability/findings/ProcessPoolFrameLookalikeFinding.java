package dev.weft.reliability.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.parallel.Pool;
import dev.weft.parallel.ProcessPoolOptions;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Finding 4 of {@code FINDINGS.md}: bytes written straight to a worker's stdout that happen to
 * read as a frame header (a length up to 1 GiB, a type from 1 to 7) make the parent wait for a
 * payload that never comes. The map never ends. Random garbage starts that way about one time
 * in 150.
 *
 * <pre>{@code
 * ./mvnw -pl reliability verify -Dtest=ProcessPoolFrameLookalikeFinding -Dweft.reliability.findings=true
 * }</pre>
 */
@EnabledIfSystemProperty(named = "weft.reliability.findings", matches = "true")
class ProcessPoolFrameLookalikeFinding {
    @Test
    void garbageThatLooksLikeAFrameHeaderCostsOnlyItsInput() throws Exception {
        Pool pool = Pool.processes(ProcessPoolOptions.builder().workers(2).stdout(line -> { }).stderr(line -> { }).build());
        try {
            CompletableFuture<List<Integer>> map = pool.mapAsync(x -> {
                if (x == 3) {
                    try {
                        FileOutputStream raw = new FileOutputStream(FileDescriptor.out);
                        raw.write(new byte[] {0, 1, 0, 0, 4}); // length 65,536, type PRINT: a header
                        raw.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return x + 1;
            }, IntStream.range(0, 8).boxed().toList(), 1);
            // Expected: the map ends (input 3 may fail). Found: get times out.
            assertEquals(8, map.handle((values, failure) -> 8).get(60, TimeUnit.SECONDS));
        } finally {
            pool.terminate();
        }
    }
}
