package dev.weft.decorators;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface method to report each completed call by {@link Decorate#annotated}: the
 * notebook's {@code @print_after_execution}, as {@link Decorators#printAfter(String,
 * java.util.function.Consumer)}.
 *
 * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=print-after}
 *
 * <p>The line is written only when the call returns normally, to the sink given to
 * {@link Decorate#annotated(Class, Object, java.util.function.Consumer)} or to SLF4J. Every
 * {@code {}} in the template is replaced by the method's name. There is no
 * {@code java.util.concurrent} neighbour.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PrintAfter {

    /**
     * The line to write after the call.
     *
     * @return the template; default {@code "{} finished"}
     */
    String value() default Decorators.DEFAULT_AFTER;
}
