package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.google.common.collect.testing.QueueTestSuiteBuilder;
import com.google.common.collect.testing.TestStringQueueGenerator;
import com.google.common.collect.testing.features.CollectionFeature;
import com.google.common.collect.testing.features.CollectionSize;
import com.google.common.collect.testing.features.Feature;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.function.Supplier;
import java.util.stream.Stream;
import junit.framework.TestCase;
import junit.framework.TestSuite;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Guava testlib's {@link java.util.Collection} and {@link Queue} contract suites
 * ({@link QueueTestSuiteBuilder}) run against every kind of {@link JoinableQueue}, bounded and
 * unbounded. The suites are JUnit 3 {@link TestSuite}s; each of their test cases runs here as a
 * JUnit 5 dynamic test (so surefire counts and reports every one, and the testkit's leak check
 * runs around them).
 *
 * <p>Features: {@link CollectionFeature#GENERAL_PURPOSE} (add, remove, iterator remove);
 * {@link CollectionFeature#ALLOWS_NULL_QUERIES} ({@code contains(null)} and {@code remove(null)}
 * answer {@code false}, as for the JDK's blocking queues); no {@code ALLOWS_NULL_VALUES}, so
 * adding null must throw {@link NullPointerException}; {@link CollectionFeature#KNOWN_ORDER} for
 * fifo and lifo (head first), not for priority, whose iteration order is unspecified;
 * {@link CollectionFeature#NON_STANDARD_TOSTRING}: the description also shows the size, capacity
 * and unfinished tasks.
 */
class JoinableQueueCollectionContractTest {
    /** Room for the samples and the few items the suites add to them. */
    private static final int BOUND = 16;

    @TestFactory
    Stream<DynamicNode> fifo_unbounded() {
        return suite("JoinableQueue.fifo unbounded", () -> JoinableQueue.fifo(), false, true);
    }

    @TestFactory
    Stream<DynamicNode> fifo_bounded() {
        return suite("JoinableQueue.fifo bounded " + BOUND, () -> JoinableQueue.fifo(BOUND), false, true);
    }

    @TestFactory
    Stream<DynamicNode> lifo_unbounded() {
        return suite("JoinableQueue.lifo unbounded", () -> JoinableQueue.lifo(), true, true);
    }

    @TestFactory
    Stream<DynamicNode> lifo_bounded() {
        return suite("JoinableQueue.lifo bounded " + BOUND, () -> JoinableQueue.lifo(BOUND), true, true);
    }

    @TestFactory
    Stream<DynamicNode> priority_unbounded() {
        return suite("JoinableQueue.priority unbounded", () -> JoinableQueue.priority(), false, false);
    }

    @TestFactory
    Stream<DynamicNode> priority_bounded() {
        return suite("JoinableQueue.priority bounded " + BOUND, () -> JoinableQueue.priority(BOUND), false, false);
    }

    @TestFactory
    Stream<DynamicNode> priority_with_comparator() {
        return suite("JoinableQueue.priority reverse order",
                () -> JoinableQueue.priority(BOUND, Collections.reverseOrder()), false, false);
    }

    /**
     * The suite for one kind of queue.
     *
     * @param name the suite's name
     * @param factory makes an empty queue
     * @param lifo whether the head is the last item added
     * @param knownOrder whether the iteration order is head first
     */
    private static Stream<DynamicNode> suite(String name, Supplier<JoinableQueue<String>> factory,
            boolean lifo, boolean knownOrder) {
        List<Feature<?>> features = new ArrayList<>(List.of(
                CollectionFeature.GENERAL_PURPOSE,
                CollectionFeature.ALLOWS_NULL_QUERIES,
                CollectionFeature.NON_STANDARD_TOSTRING,
                CollectionSize.ANY));
        if (knownOrder) {
            features.add(CollectionFeature.KNOWN_ORDER);
        }
        TestSuite suite = QueueTestSuiteBuilder.using(new TestStringQueueGenerator() {
                    @Override
                    protected Queue<String> create(String[] elements) {
                        JoinableQueue<String> q = factory.get();
                        // The suites expect the head to be the first sample: a stack gets them
                        // pushed last first.
                        for (int i = 0; i < elements.length; i++) {
                            q.add(elements[lifo ? elements.length - 1 - i : i]);
                        }
                        return q;
                    }
                })
                .named(name)
                .withFeatures(features)
                .createTestSuite();
        assertTrue(suite.countTestCases() > 100, () -> name + ": the suite holds only " + suite.countTestCases() + " tests");
        return nodes(suite);
    }

    private static Stream<DynamicNode> nodes(junit.framework.Test test) {
        if (test instanceof TestSuite s) {
            return Stream.of(dynamicContainer(s.getName(), Collections.list(s.tests()).stream().flatMap(
                    JoinableQueueCollectionContractTest::nodes)));
        }
        if (test instanceof TestCase c) {
            return Stream.of(dynamicTest(c.getName(), c::runBare));
        }
        throw new IllegalArgumentException("not a TestSuite nor a TestCase: " + test);
    }
}
