package dev.weft.decorators.internal;

import dev.weft.decorators.Decorator;
import dev.weft.decorators.Invocation;
import java.util.Objects;
import java.util.function.Predicate;

/** Refuses a call whose argument {@code index} fails a predicate, before the function runs. */
public final class RequireArgDecorator implements Decorator {

    private final int index;
    private final Predicate<Object> predicate;
    private final String message;

    /**
     * Creates the decorator.
     *
     * @param index the argument's index, {@code >= 0}
     * @param predicate what the argument must satisfy
     * @param message the {@link IllegalArgumentException}'s message when it does not
     */
    public RequireArgDecorator(int index, Predicate<Object> predicate, String message) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0: " + index);
        }
        this.index = index;
        this.predicate = Objects.requireNonNull(predicate, "predicate");
        this.message = Objects.requireNonNull(message, "message");
    }

    @Override
    public Object around(Invocation call) throws Throwable {
        Object[] args = Invocations.args(call);
        if (index >= args.length) {
            throw new IllegalArgumentException("requireArg(" + index + ") on " + call.name()
                    + ", which was given " + args.length + " argument(s)");
        }
        if (!predicate.test(args[index])) {
            throw new IllegalArgumentException(message);
        }
        return call.proceed();
    }

    @Override
    public String toString() {
        return "requireArg(" + index + ", \"" + message + "\")";
    }
}
