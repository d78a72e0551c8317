/**
 * Test support for code that uses weft, with JUnit 5 and Awaitility: {@link
 * dev.weft.testkit.LeakCheckExtension} fails a test that leaves a weft thread, a child JVM or a
 * cluster member running ({@link dev.weft.testkit.AllowLeaks} opts a class out, saying why), and
 * {@link dev.weft.testkit.WeftConditions} gives named conditions to wait for: a task done, a queue
 * drained or joined, a scope finished, a pool idle.
 *
 * <pre>{@code
 * @ExtendWith(LeakCheckExtension.class)
 * class PipelineTest {
 *     @Test
 *     void drainsItsQueue() throws Exception {
 *         ...
 *         Callable<Boolean> joined = WeftConditions.joined(queue);
 *         await(joined.toString()).atMost(Duration.ofSeconds(30)).until(joined);
 *     }
 * }
 * }</pre>
 *
 * <p>The testkit depends on JUnit's API only; weft's modules and Hazelcast are read reflectively
 * when they are on the class path, because every weft module's tests depend on the testkit.
 */
package dev.weft.testkit;
