/**
 * Internals of {@code dev.weft.sync}: the CPython-style waiter queue behind
 * {@link dev.weft.sync.Condition} and the one view of its lock, either kind, that it works
 * through; the release-once guard and the storage policies of {@link dev.weft.sync.JoinableQueue};
 * the state of a {@link dev.weft.sync.Channel} ({@code ChannelCore}), the claim that one blocked
 * channel operation or select shares among its registrations ({@code Selection}), and the fork
 * of a producer ({@code Producer}).
 * Timeouts are read with core's {@code dev.weft.core.internal.Durations}, which core exports to
 * this module. Not exported by the module; not an API.
 */
package dev.weft.sync.internal;
