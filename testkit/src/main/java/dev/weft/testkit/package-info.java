/**
 * Test support for code that uses weft, with JUnit 5 and Awaitility: {@link
 * dev.weft.testkit.LeakCheckExtension} fails a test that leaves a weft thread, a child JVM or a
 * cluster member running ({@link dev.weft.testkit.AllowLeaks} opts a class out, saying why), and
 * {@link dev.weft.testkit.WeftConditions} gives named conditions to wait for: a task done, a queue
 * drained or joined, a scope finished, a pool idle.
 *
 * <p>A condition is a {@code Callable<Boolean>} for Awaitility, named after what it waits for:
 * {@code await(joined.toString()).atMost(Duration.ofSeconds(30)).until(joined)} with
 * {@code joined = WeftConditions.joined(queue)}. The README's "Testing concurrent code" shows a
 * whole test, which runs in the build as {@code dev.weft.samples.testing.ProducerConsumerTest}. A
 * test class that may leave something running says why with {@link dev.weft.testkit.AllowLeaks}:
 *
 * {@snippet class=dev.weft.testkit.snippets.TestkitSnippets region=allow-leaks}
 *
 * <p>The testkit depends on JUnit's API only; weft's modules and Hazelcast are read reflectively
 * when they are on the class path, because every weft module's tests depend on the testkit.
 */
@NullMarked
package dev.weft.testkit;

import org.jspecify.annotations.NullMarked;
