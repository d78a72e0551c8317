/**
 * The machinery behind {@link dev.weft.cluster.ClusterPool}, not exported: the pool ({@link
 * dev.weft.cluster.internal.HazelcastPool}, whose lifetime, chunking and jobs are parallel's
 * {@code AbstractPool}, which {@code dev.weft.parallel} exports to this module only), the {@link
 * dev.weft.cluster.internal.Dispatcher} that spreads chunks over the members and resends those a
 * leaving member had not replied for, the {@link dev.weft.cluster.internal.ChunkTask} that runs a
 * chunk on a member, and the Hazelcast configuration with weft's safe defaults ({@link
 * dev.weft.cluster.internal.HazelcastSetup}).
 *
 * <pre>{@code
 * HazelcastPool pool = new HazelcastPool(HazelcastSetup.startMember(options), true, 0, 3);
 * }</pre>
 */
package dev.weft.cluster.internal;
