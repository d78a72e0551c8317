package dev.weft.decorators.internal;

import dev.weft.decorators.Invocation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One call at one decorator of a {@link Site}'s chain. Immutable: proceeding twice is allowed. */
final class Call implements Invocation {

    private final Site site;
    private final int index;
    private final Object context;
    private final Object[] args;

    Call(Site site, int index, Object context, Object[] args) {
        this.site = site;
        this.index = index;
        this.context = context;
        this.args = args;
    }

    @Override
    public String name() {
        return site.name();
    }

    @Override
    public List<Object> args() {
        return new ArgsView(args);
    }

    @Override
    public Optional<String> doc() {
        return site.doc();
    }

    @Override
    public Optional<Method> method() {
        return Optional.ofNullable(site.methodOrNull());
    }

    @Override
    public Object proceed() throws Throwable {
        return site.proceedAfter(index, context, args);
    }

    @Override
    public Object proceed(Object... newArgs) throws Throwable {
        Objects.requireNonNull(newArgs, "args");
        if (newArgs.length != args.length) {
            throw new IllegalArgumentException(site.name() + " takes " + args.length
                    + " argument(s), proceed was given " + newArgs.length);
        }
        return site.proceedAfter(index, context, newArgs.clone());
    }

    /** {@return the argument array itself, for the stock decorators (never modified)} */
    Object[] rawArgs() {
        return args;
    }

    /** {@return the site} */
    Site site() {
        return site;
    }

    @Override
    public String toString() {
        return site.name() + args();
    }
}
