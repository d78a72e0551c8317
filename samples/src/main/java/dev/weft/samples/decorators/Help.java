package dev.weft.samples.decorators;

import dev.weft.decorators.Decorated;

/**
 * Python's {@code help(function)} for the samples: the name and the doc a function carries.
 *
 * <pre>{@code
 * Help.of(printHelloWorld);
 * // Help on function print_hello_world:
 * //
 * // print_hello_world()
 * //     Description de ma fonction blablabla
 * }</pre>
 *
 * <p>It reads them from weft's {@link Decorated} view, as Python reads {@code __name__} and
 * {@code __doc__}; anything else is shown by its class, as Python shows an object without a
 * docstring.
 */
final class Help {

    private Help() {
    }

    /**
     * Renders the help of {@code function}.
     *
     * @param function a function
     * @return the text, ending with a line break
     */
    static String of(Object function) {
        if (!(function instanceof Decorated decorated)) {
            return "Help on " + function.getClass().getName() + " object\n";
        }
        StringBuilder out = new StringBuilder()
                .append("Help on function ").append(decorated.name()).append(":\n\n")
                .append(decorated.name()).append("()\n");
        decorated.doc().ifPresent(doc -> doc.lines().forEach(l -> out.append("    ").append(l.strip()).append('\n')));
        return out.toString();
    }
}
