package dev.weft.decorators.internal;

import dev.weft.decorators.Decorator;
import dev.weft.decorators.Invocation;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/** Writes the function's doc, when it has one, before the call. */
public final class ShowDocDecorator implements Decorator {

    private final Consumer<String> sink;

    /** @param sink where the doc goes */
    public ShowDocDecorator(Consumer<String> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public Object around(Invocation call) throws Throwable {
        Optional<String> doc = call.doc();
        if (doc.isPresent()) {
            sink.accept(doc.get());
        }
        return call.proceed();
    }

    @Override
    public String toString() {
        return "showDoc";
    }
}
