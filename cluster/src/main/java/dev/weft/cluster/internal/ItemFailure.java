package dev.weft.cluster.internal;

import java.io.Serial;
import java.io.Serializable;

/**
 * Stands in a member's result array for an input whose function threw.
 *
 * @param error what the function threw
 */
record ItemFailure(RemoteError error) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
}
