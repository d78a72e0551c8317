package dev.weft.decorators.internal;

import java.util.AbstractList;
import java.util.RandomAccess;

/** An unmodifiable list over a call's argument array; nulls allowed. */
final class ArgsView extends AbstractList<Object> implements RandomAccess {

    private final Object[] args;

    ArgsView(Object[] args) {
        this.args = args;
    }

    @Override
    public Object get(int index) {
        return args[index];
    }

    @Override
    public int size() {
        return args.length;
    }
}
