package dev.weft.decorators;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface method to be timed by {@link Decorate#annotated}: the notebook's
 * {@code @temps_execution}, as {@link Decorators#timed()}.
 *
 * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=timed}
 *
 * <p>With {@link Decorate#annotated(Class, Object)} the time is logged through SLF4J; with
 * {@link Decorate#annotated(Class, Object, java.util.function.Consumer)} it is written as a line
 * to the given sink. Compared with Micrometer's {@code @Timed}: the same idea, with no registry.
 * Annotations on one method apply top to bottom, the top one outermost, like Python's {@code @}
 * lines.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Timed {
}
