package dev.weft.decorators;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface method whose argument must contain a text, checked by
 * {@link Decorate#annotated}: the notebook's {@code @entree_contient('.csv')}, as
 * {@link Decorators#requireArg(int, java.util.function.Predicate, String)}.
 *
 * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=require-arg}
 *
 * <p>The argument's {@code String.valueOf} must contain {@link #contains()}; otherwise the call
 * throws {@link IllegalArgumentException} with {@link #message()} and the method does not run
 * (the notebook returned the message as a string instead). Compared with Bean Validation's
 * {@code @Pattern}: one check, no validator to set up.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequireArg {

    /**
     * Which argument to check, from 0.
     *
     * @return the argument's index; default 0
     */
    int index() default 0;

    /**
     * The text the argument must contain.
     *
     * @return the required text
     */
    String contains();

    /**
     * The exception's message; empty for {@code "argument I of NAME must contain 'TEXT'"}.
     *
     * @return the message, or empty for the default
     */
    String message() default "";
}
