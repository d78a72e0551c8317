package dev.weft.decorators.internal;

import dev.weft.decorators.Invocation;

/** Fast access to a call's arguments for the stock decorators, whatever the invocation's class. */
final class Invocations {

    private Invocations() {
    }

    /** {@return the call's arguments as an array that must not be modified} */
    static Object[] args(Invocation call) {
        if (call instanceof Call c) {
            return c.rawArgs();
        }
        return call.args().toArray();
    }
}
