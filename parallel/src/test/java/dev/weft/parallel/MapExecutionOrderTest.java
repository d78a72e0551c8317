package dev.weft.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The order in which an eager map starts its inputs: alternately from the front and the back, on
 * both backends; results keep input order. One worker and chunks of one make the order visible:
 * each input's result is the rank at which it ran.
 */
class MapExecutionOrderTest {
    private static final List<Integer> INPUTS = List.of(0, 1, 2, 3, 4);
    /** Input i ran at rank RANKS[i]: the order of runs was 0, 4, 1, 3, 2. */
    private static final List<Integer> RANKS = List.of(0, 2, 4, 3, 1);

    /** Counts runs in the JVM that runs the function (a fresh child JVM for a process pool). */
    static final class RunCounter {
        private static final AtomicInteger RUNS = new AtomicInteger();

        private RunCounter() {
        }

        static int next() {
            return RUNS.getAndIncrement();
        }
    }

    @Test
    void aThreadPoolStartsInputsFromBothEnds() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        try (Pool pool = Pool.threads(1)) {
            assertEquals(RANKS, pool.map(x -> runs.getAndIncrement(), INPUTS, 1));
        }
    }

    @Test
    void aProcessPoolStartsInputsFromBothEnds() throws InterruptedException {
        try (Pool pool = Pool.processes(1)) {
            assertEquals(RANKS, pool.map(x -> RunCounter.next(), INPUTS, 1));
        }
    }

    @Test
    void chunksAreWhatIsReorderedNotTheInputsInsideThem() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        try (Pool pool = Pool.threads(1)) {
            // chunks [0,1] [2,3] [4]: run as [0,1], [4], [2,3]
            assertEquals(List.of(0, 1, 3, 4, 2), pool.map(x -> runs.getAndIncrement(), INPUTS, 2));
        }
    }

    @Test
    void mapOutcomesAndMapAsyncUseTheSameOrder() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        try (Pool pool = Pool.threads(1)) {
            List<Integer> viaOutcomes = new ArrayList<>();
            pool.mapOutcomes(x -> runs.getAndIncrement(), INPUTS, 1).forEach(o -> viaOutcomes.add(o.getOrThrow()));
            assertEquals(RANKS, viaOutcomes);
            runs.set(0);
            assertEquals(RANKS, pool.mapAsync(x -> runs.getAndIncrement(), INPUTS, 1).get(1, TimeUnit.MINUTES));
        }
    }

    @Test
    void imapStillReadsAndRunsInInputOrder() {
        AtomicInteger runs = new AtomicInteger();
        try (Pool pool = Pool.threads(1)) {
            List<Integer> ranks = new ArrayList<>();
            pool.<Integer, Integer>imap(x -> runs.getAndIncrement(), INPUTS).forEachRemaining(ranks::add);
            assertEquals(INPUTS, ranks);
        }
    }
}
