package dev.weft.parallel.internal;

import java.io.Serial;
import java.io.Serializable;

/**
 * Stands in a worker's result array (a child JVM's, a cluster member's) for an item whose function
 * threw.
 *
 * @param error what the function threw
 */
public record ItemFailure(ErrorPayload error) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
}
