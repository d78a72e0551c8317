package dev.weft.reliability.lincheck;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionResult;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.kotlinx.lincheck.verifier.Verifier;
import org.jetbrains.kotlinx.lincheck.verifier.linearizability.LinearizabilityVerifier;

/**
 * Lincheck's {@link LinearizabilityVerifier}, counting the operations of every execution it
 * verifies. The count cannot live in the operations themselves: in model-checking mode Lincheck
 * restores static state after each invocation, so a counter incremented there would be reset.
 * Verification runs outside the instrumented execution, so this one is not.
 *
 * <pre>{@code
 * new StressOptions().verifier(CountingVerifier.class)
 * }</pre>
 */
public final class CountingVerifier implements Verifier {
    static final AtomicLong VERIFIED_OPERATIONS = new AtomicLong();
    static final AtomicLong VERIFIED_EXECUTIONS = new AtomicLong();

    private final Verifier delegate;

    /**
     * Lincheck creates the verifier reflectively with the sequential specification.
     *
     * @param sequentialSpecification the class whose sequential behaviour is the reference
     */
    public CountingVerifier(Class<?> sequentialSpecification) {
        this.delegate = new LinearizabilityVerifier(sequentialSpecification);
    }

    @Override
    public boolean verifyResults(ExecutionScenario scenario, ExecutionResult result) {
        boolean ok = delegate.verifyResults(scenario, result);
        long actors = scenario.getInitExecution().size() + scenario.getPostExecution().size();
        for (List<Actor> thread : scenario.getParallelExecution()) {
            actors += thread.size();
        }
        VERIFIED_OPERATIONS.addAndGet(actors);
        VERIFIED_EXECUTIONS.incrementAndGet();
        return ok;
    }
}
