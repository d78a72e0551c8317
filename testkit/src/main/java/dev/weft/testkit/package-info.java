/**
 * Test support shared by the weft modules; start with {@link dev.weft.testkit.LeakCheckExtension}.
 *
 * <pre>{@code
 * @AllowLeaks("why")   // the only thing a test class ever needs from here
 * }</pre>
 */
package dev.weft.testkit;
