/**
 * Test support shared by the weft modules; start with {@link dev.weft.testkit.LeakCheckExtension}.
 *
 * <p>The only thing a test class ever needs from here is {@link dev.weft.testkit.AllowLeaks}, to
 * say why it may leave something running:
 *
 * {@snippet class=dev.weft.testkit.snippets.TestkitSnippets region=allow-leaks}
 */
@NullMarked
package dev.weft.testkit;

import org.jspecify.annotations.NullMarked;
