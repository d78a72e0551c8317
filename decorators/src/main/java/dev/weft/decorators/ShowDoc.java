package dev.weft.decorators;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface method to show its {@link Doc @Doc} before each call by
 * {@link Decorate#annotated}: the notebook's {@code @affiche_doc}, as
 * {@link Decorators#showDoc(java.util.function.Consumer)}.
 *
 * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=show-doc}
 *
 * <p>The doc goes to the sink given to {@link Decorate#annotated(Class, Object,
 * java.util.function.Consumer)}, or to SLF4J; a method without a doc shows nothing. There is no
 * {@code java.util.concurrent} neighbour.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ShowDoc {
}
