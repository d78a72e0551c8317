package dev.weft.parallel.issues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Outcome;
import dev.weft.parallel.Pool;
import dev.weft.parallel.ProcessPoolOptions;
import dev.weft.parallel.WorkerDiedException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regression (the reliability suite's finding 4): bytes that user code in a child writes straight
 * to its file descriptor 1, past {@code System.out}, and that happened to read as a frame header
 * (a length up to 1 GiB, then a type from 1 to 7) made the parent wait for a payload that never
 * came: the map never ended. Frames now start with two sync bytes and carry a header check, so
 * such bytes are garbage: the child is killed, which costs only the input that wrote them.
 */
// A hang fails the test instead of the build; on its own thread, as closing a hung pool hangs too.
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FrameLookalikeGarbageTest {
    private static final int GARBAGE_INPUT = 3;

    private static byte[] garbage(String kind) {
        return switch (kind) {
            // the old header of a 65,536-byte PRINT frame: the parent used to wait for its payload
            case "old-header" -> new byte[] {0, 1, 0, 0, 4};
            // the sync bytes, then a length and type whose check byte is wrong
            case "sync-bad-check" -> new byte[] {(byte) 0xFE, (byte) 0xF5, 0, 0, 0, 9, 3, 0, 1, 2, 3};
            case "text" -> "a line printed past System.out\n".getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"old-header", "sync-bad-check", "text"})
    void garbageOnTheChannelCostsOnlyTheInputThatWroteIt(String kind) throws Exception {
        byte[] junk = garbage(kind);
        ProcessPoolOptions options = ProcessPoolOptions.builder().workers(2)
                .stdout(line -> { }).stderr(line -> { }).build();
        try (Pool pool = Pool.processes(options)) {
            List<Outcome<Integer>> outcomes = pool.mapOutcomes(x -> {
                if (x == GARBAGE_INPUT) {
                    try {
                        FileOutputStream raw = new FileOutputStream(FileDescriptor.out);
                        raw.write(junk);
                        raw.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return x + 1;
            }, IntStream.range(0, 8).boxed().toList(), 1);
            for (int i = 0; i < 8; i++) {
                if (i == GARBAGE_INPUT) {
                    Outcome.Failure<?> failure = assertInstanceOf(Outcome.Failure.class, outcomes.get(i));
                    WorkerDiedException died = assertInstanceOf(WorkerDiedException.class, failure.error());
                    assertTrue(died.getMessage().contains("was stopped"), died.getMessage());
                } else {
                    assertEquals(Outcome.success(i + 1), outcomes.get(i), "input " + i);
                }
            }
            assertEquals(List.of(1, 2, 3), pool.map(x -> x + 1, List.of(0, 1, 2)), "the pool serves on");
        }
    }
}
