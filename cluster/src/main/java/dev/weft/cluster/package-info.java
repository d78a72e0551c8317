/**
 * weft cluster: the same {@link dev.weft.parallel.Pool} beyond one machine, whose workers are the
 * members of a Hazelcast cluster. Start with {@link dev.weft.cluster.ClusterPool}: its factories
 * start a member in this JVM ({@link dev.weft.cluster.ClusterPool#embedded()}, {@link
 * dev.weft.cluster.ClusterPool#member}), connect as a client ({@link
 * dev.weft.cluster.ClusterPool#client}) or use an instance of your own ({@link
 * dev.weft.cluster.ClusterPool#over}); {@link dev.weft.cluster.ClusterOptions} says where the
 * cluster is, and {@link dev.weft.cluster.ClusterMember} runs a worker node.
 *
 * {@snippet class=dev.weft.cluster.snippets.ClusterSnippets region=cluster-package}
 *
 * <h2>Security</h2>
 * Open-source Hazelcast has no authentication and no TLS, and members accept Java-serialized tasks:
 * anyone who reaches a member's port can run code on it. So weft's defaults bind members to
 * {@code 127.0.0.1} only, find each other through an explicit member list (never multicast), and
 * give each cluster its own name (a name is not a password: it only keeps honest clusters apart).
 * To span machines, bind each member to an address of a private network that only your machines
 * reach ({@link dev.weft.cluster.ClusterOptions.Builder#bindAddress}), list the members explicitly,
 * and keep the ports (5701 and up) closed to everything else with a firewall.
 *
 * <p>Python's {@code multiprocessing} stops at one machine; this package plays the part that Dask
 * or Ray play for Python, behind the {@code multiprocessing.Pool} API weft already follows.
 */
@NullMarked
package dev.weft.cluster;

import org.jspecify.annotations.NullMarked;
