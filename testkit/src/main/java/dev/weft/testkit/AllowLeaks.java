package dev.weft.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Turns {@link LeakCheckExtension} off for one test class, with the reason written down: a test
 * of the leak check itself, or of an API whose point is to outlive the test (a detached task).
 *
 * {@snippet class=dev.weft.testkit.snippets.TestkitSnippets region=allow-leaks}
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AllowLeaks {
    /** {@return why this class may leave threads or processes behind} */
    String value();
}
