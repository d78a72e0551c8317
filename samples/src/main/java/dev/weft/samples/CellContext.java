package dev.weft.samples;

import dev.weft.core.TaskScope;
import dev.weft.core.Timeline;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * What a running {@link Cell} gets from whoever runs it: where to print, where its
 * {@code input()} answers come from, how much to scale time and work, whether to go online, and
 * an optional {@link Timeline} to record what ran when.
 *
 * <pre>{@code
 * CellContext context = CellContext.builder()
 *         .out(System.out)
 *         .scale(0.05)                  // a 10 s sleep lasts 0.5 s
 *         .timeline(Timeline.start())
 *         .build();
 * context.sleep(Duration.ofSeconds(10));
 * context.print("Daniel", "&", "Donna");   // Python's print: "Daniel & Donna"
 * }</pre>
 *
 * <p>The scale multiplies every sleep ({@link #sleep}, {@link #scaled}) and every workload size
 * ({@link #size}); 1 is the notebook's real durations.
 */
public final class CellContext {
    private final PrintStream out;
    private final LineSource input;
    private final double scale;
    private final Timeline timeline;
    private final boolean online;
    private final Random random;

    private CellContext(Builder builder) {
        this.out = builder.out;
        this.input = builder.input;
        this.scale = builder.scale;
        this.timeline = builder.timeline;
        this.online = builder.online;
        this.random = builder.seed == null ? new Random() : new Random(builder.seed);
    }

    /** {@return a builder; by default: {@code System.out}, no input, scale 1, no timeline, offline} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return where the cell prints} */
    public PrintStream out() {
        return out;
    }

    /**
     * Prints like Python's {@code print(a, b, c)}: the parts separated by one space, then a line
     * break, as one write (lines from different threads never mix).
     *
     * @param parts what to print; {@code null} prints {@code None}
     */
    public void print(Object... parts) {
        out.println(Arrays.stream(parts).map(p -> p == null ? "None" : String.valueOf(p))
                .collect(Collectors.joining(" ")));
    }

    /**
     * Python's {@code input(prompt)}: prints the prompt, then reads an answer. When no answer is
     * given (no input, or nothing typed), {@code fallback} is used and echoed as if typed.
     *
     * @param prompt the question
     * @param fallback the answer to use when none is given
     * @return the answer
     */
    public String input(String prompt, String fallback) {
        Optional<String> answer = input.readLine();
        out.println(prompt + " " + answer.orElse(fallback));
        return answer.orElse(fallback);
    }

    /** {@return the time and work scale: 1 is the notebook's real durations and sizes} */
    public double scale() {
        return scale;
    }

    /**
     * Scales a duration of the notebook.
     *
     * @param notebookDuration the duration at scale 1
     * @return the duration at this context's scale
     */
    public Duration scaled(Duration notebookDuration) {
        return Duration.ofNanos(Math.round(notebookDuration.toNanos() * scale));
    }

    /**
     * Sleeps for a notebook duration, scaled: the port of {@code time.sleep}.
     *
     * @param notebookDuration the duration at scale 1
     * @throws InterruptedException if interrupted while sleeping
     */
    public void sleep(Duration notebookDuration) throws InterruptedException {
        Thread.sleep(scaled(notebookDuration));
    }

    /**
     * Sleeps for a number of notebook seconds, scaled: {@code time.sleep(0.3)}.
     *
     * @param notebookSeconds the seconds at scale 1
     * @throws InterruptedException if interrupted while sleeping
     */
    public void sleepSeconds(double notebookSeconds) throws InterruptedException {
        sleep(Duration.ofNanos(Math.round(notebookSeconds * 1e9)));
    }

    /**
     * Scales a workload size of the notebook (a loop count, a range), never below 1.
     *
     * @param notebookSize the size at scale 1
     * @return the size at this context's scale
     */
    public int size(int notebookSize) {
        return (int) Math.max(1, Math.round(notebookSize * scale));
    }

    /** {@return the timeline the run is recorded on, if any} */
    public Optional<Timeline> timeline() {
        return Optional.ofNullable(timeline);
    }

    /**
     * Runs {@code work} as one span on the timeline (just runs it when there is no timeline).
     *
     * @param name what runs, the span's label
     * @param work the work
     * @throws Exception what the work throws
     */
    public void record(String name, Work work) throws Exception {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(work, "work");
        if (timeline == null) {
            work.run();
            return;
        }
        Timeline.OpenSpan span = timeline.span(name);
        try {
            work.run();
        } finally {
            span.close();
        }
    }

    /**
     * Runs {@code work} as one span on the timeline and returns its result.
     *
     * @param name what runs, the span's label
     * @param work the work
     * @param <T> the type of its result
     * @return what {@code work} returned
     * @throws Exception what the work throws
     */
    public <T> T timed(String name, Callable<T> work) throws Exception {
        Objects.requireNonNull(work, "work");
        List<T> result = new ArrayList<>(1);
        record(name, () -> result.add(work.call()));
        return result.getFirst();
    }

    /**
     * A scope builder named {@code name} whose forks are recorded on this context's timeline.
     *
     * @param name the scope's name
     * @return a builder to finish and {@code open()}
     */
    public TaskScope.Builder scope(String name) {
        TaskScope.Builder builder = TaskScope.builder().name(name);
        return timeline == null ? builder : builder.timeline(timeline);
    }

    /** {@return whether the cells that fetch Wikipedia should fetch the real site} */
    public boolean online() {
        return online;
    }

    /** {@return the random numbers of the run ({@code random.randint}), seeded when asked} */
    public Random random() {
        return random;
    }

    /**
     * Python's {@code random.randint(a, b)}: a number from {@code a} to {@code b}, both included.
     *
     * @param a the lowest
     * @param b the highest
     * @return the number
     */
    public int randint(int a, int b) {
        return a + random.nextInt(b - a + 1);
    }

    /**
     * A progress bar printed to this context's output.
     *
     * @param label what is counted
     * @return the bar
     */
    public ProgressBar progressBar(String label) {
        return new ProgressBar(out, label);
    }

    /** Builds a {@link CellContext}. */
    public static final class Builder {
        private PrintStream out = System.out;
        private LineSource input = LineSource.none();
        private double scale = 1;
        private Timeline timeline;
        private boolean online;
        private Long seed;

        private Builder() {
        }

        /**
         * Sets where the cell prints; default {@code System.out}.
         *
         * @param out the stream
         * @return this builder
         */
        public Builder out(PrintStream out) {
            this.out = Objects.requireNonNull(out, "out");
            return this;
        }

        /**
         * Sets where answers to {@code input()} come from; default none (every answer falls back).
         *
         * @param input the answers
         * @return this builder
         */
        public Builder input(LineSource input) {
            this.input = Objects.requireNonNull(input, "input");
            return this;
        }

        /**
         * Sets the time and work scale; default 1.
         *
         * @param scale a positive factor
         * @return this builder
         * @throws IllegalArgumentException if {@code scale} is not a positive finite number
         */
        public Builder scale(double scale) {
            if (!(scale > 0) || Double.isInfinite(scale)) {
                throw new IllegalArgumentException("scale must be positive, got " + scale);
            }
            this.scale = scale;
            return this;
        }

        /**
         * Sets the timeline to record on; default none.
         *
         * @param timeline the timeline, or null for none
         * @return this builder
         */
        public Builder timeline(Timeline timeline) {
            this.timeline = timeline;
            return this;
        }

        /**
         * Sets whether the Wikipedia cells fetch the real site; default false (a local server).
         *
         * @param online true to go online
         * @return this builder
         */
        public Builder online(boolean online) {
            this.online = online;
            return this;
        }

        /**
         * Seeds the random numbers; default unseeded.
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** {@return a context with these settings; the builder stays usable} */
        public CellContext build() {
            return new CellContext(this);
        }
    }
}
