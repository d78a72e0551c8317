package dev.weft.reliability.lincheck;

import dev.weft.reliability.Figures;
import dev.weft.reliability.Stress;
import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.Options;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.kotlinx.lincheck.strategy.managed.modelchecking.ModelCheckingOptions;
import org.jetbrains.kotlinx.lincheck.strategy.stress.StressOptions;

/**
 * Runs Lincheck on a test class in one of its two modes, sized by the stress factor, and counts
 * the operations it executed into {@link Figures}.
 *
 * <pre>{@code
 * @Test void stress() { Linearizability.check(SemaphoreLincheckTest.class, Mode.STRESS); }
 * }</pre>
 *
 * <p>Default sizes keep each check to a few seconds on two shared cores: 2 threads of 3
 * operations, 2 operations before and 1 after the parallel part. Stress mode runs 5 random
 * scenarios of 100 invocations each; model checking explores 3 random scenarios, up to 50
 * interleavings each. {@code -Pstress} multiplies the number of scenarios by 10. A test class
 * may replace the random scenarios with its own ({@link #check(Class, Mode, java.util.function.IntFunction)}).
 */
final class Linearizability {
    /** Which Lincheck strategy. */
    enum Mode { STRESS, MODEL_CHECKING }

    static final int THREADS = 2;
    static final int ACTORS_PER_THREAD = 3;
    static final int ACTORS_BEFORE = 2;
    static final int ACTORS_AFTER = 1;
    static final int STRESS_SCENARIOS = 5;
    static final int STRESS_INVOCATIONS = 100;
    static final int MODEL_CHECKING_SCENARIOS = 3;
    static final int MODEL_CHECKING_INVOCATIONS = 50;

    private Linearizability() {
    }

    /** What one check verified. */
    record Checked(long executions, long operations) {
    }

    static Checked check(Class<?> testClass, Mode mode) {
        return check(testClass, mode, null);
    }

    /**
     * As {@link #check(Class, Mode)}, with the scenarios made by {@code scenarios} (called with
     * 0, 1, 2... as many times as random scenarios would have run) instead of random ones.
     */
    static Checked check(Class<?> testClass, Mode mode, java.util.function.IntFunction<ExecutionScenario> scenarios) {
        Options<?, ?> options = switch (mode) {
            case STRESS -> new StressOptions()
                    .iterations(Stress.times(STRESS_SCENARIOS))
                    .invocationsPerIteration(STRESS_INVOCATIONS);
            case MODEL_CHECKING -> new ModelCheckingOptions()
                    .iterations(Stress.times(MODEL_CHECKING_SCENARIOS))
                    .invocationsPerIteration(MODEL_CHECKING_INVOCATIONS);
        };
        options.verifier(CountingVerifier.class)
                .threads(THREADS)
                .actorsPerThread(ACTORS_PER_THREAD)
                .actorsBefore(ACTORS_BEFORE)
                .actorsAfter(ACTORS_AFTER);
        if (scenarios != null) {
            int count = Stress.times(mode == Mode.STRESS ? STRESS_SCENARIOS : MODEL_CHECKING_SCENARIOS) * 2;
            options.iterations(0);
            for (int i = 0; i < count; i++) {
                options.addCustomScenario(scenarios.apply(i));
            }
        }
        long operations = CountingVerifier.VERIFIED_OPERATIONS.get();
        long executions = CountingVerifier.VERIFIED_EXECUTIONS.get();
        LinChecker.check(testClass, options);
        operations = CountingVerifier.VERIFIED_OPERATIONS.get() - operations;
        executions = CountingVerifier.VERIFIED_EXECUTIONS.get() - executions;
        if (executions == 0) {
            throw new AssertionError("Lincheck verified no execution of " + testClass.getName() + " in " + mode);
        }
        Figures.add(testClass, Figures.Kind.OPERATIONS_CHECKED, operations);
        return new Checked(executions, operations);
    }
}
