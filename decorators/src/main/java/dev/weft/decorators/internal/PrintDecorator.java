package dev.weft.decorators.internal;

import dev.weft.decorators.Decorator;
import dev.weft.decorators.Invocation;
import java.util.Objects;
import java.util.function.Consumer;

/** Writes a line before the call, or after it returns normally. */
public final class PrintDecorator implements Decorator {

    private final String template;
    private final Consumer<String> sink;
    private final boolean before;

    /**
     * Creates the decorator.
     *
     * @param template the line; {@code {}} stands for the function's name
     * @param sink where the line goes
     * @param before whether the line comes before the call (else after a normal return)
     */
    public PrintDecorator(String template, Consumer<String> sink, boolean before) {
        this.template = Objects.requireNonNull(template, "template");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.before = before;
    }

    @Override
    public Object around(Invocation call) throws Throwable {
        if (before) {
            sink.accept(Templates.fill(template, call.name()));
            return call.proceed();
        }
        Object result = call.proceed();
        sink.accept(Templates.fill(template, call.name()));
        return result;
    }

    @Override
    public String toString() {
        return (before ? "printBefore(\"" : "printAfter(\"") + template + "\")";
    }
}
