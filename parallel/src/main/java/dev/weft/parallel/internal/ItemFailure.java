package dev.weft.parallel.internal;

import java.io.Serial;
import java.io.Serializable;

/**
 * Stands in a child's result array for an item whose function threw.
 *
 * @param error what the function threw
 */
record ItemFailure(ErrorPayload error) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
}
