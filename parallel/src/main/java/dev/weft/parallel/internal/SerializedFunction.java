package dev.weft.parallel.internal;

/**
 * A job's function, serialized once in the parent and sent to each worker the first time that
 * worker runs one of the job's chunks.
 *
 * @param id the function's id within its pool
 * @param bytes its serialized form
 */
record SerializedFunction(long id, byte[] bytes) {
}
