package dev.weft.decorators;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface method to announce each call by {@link Decorate#annotated}: the
 * notebook's {@code @print_before_execution}, as {@link Decorators#printBefore(String,
 * java.util.function.Consumer)}.
 *
 * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=print-before}
 *
 * <p>The line goes to the sink given to {@link Decorate#annotated(Class, Object,
 * java.util.function.Consumer)}, or to SLF4J. Every {@code {}} in the template is replaced by
 * the method's name. There is no {@code java.util.concurrent} neighbour.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PrintBefore {

    /**
     * The line to write before the call.
     *
     * @return the template; default {@code "calling {}"}
     */
    String value() default Decorators.DEFAULT_BEFORE;
}
