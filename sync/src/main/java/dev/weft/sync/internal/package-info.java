/**
 * Internals of {@code dev.weft.sync}: timeout arithmetic, the CPython-style waiter queue behind
 * {@link dev.weft.sync.Condition}, the release-once guard and the storage policies of
 * {@link dev.weft.sync.JoinableQueue}. Not exported by the module; not an API.
 */
package dev.weft.sync.internal;
