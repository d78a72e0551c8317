package dev.weft.decorators;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The documentation of an interface method, readable at run time: Python's docstring
 * ({@code __doc__}), which javadoc comments are not.
 *
 * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=doc}
 *
 * <p>{@link Decorate#proxy} and {@link Decorate#annotated} give it to the decorators as
 * {@link Invocation#doc()}; it is not itself a decorator, so it may sit anywhere among the
 * method's annotations. There is no {@code java.util.concurrent} neighbour.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Doc {

    /**
     * The documentation text.
     *
     * @return the doc
     */
    String value();
}
