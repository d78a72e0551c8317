/**
 * weft cluster: the same {@code Pool} beyond one machine, on Hazelcast. See the package
 * {@code dev.weft.cluster}.
 */
// Hazelcast ships as an automatic module (Automatic-Module-Name com.hazelcast.core, no
// module-info), so javac warns on requiring it ("requires-automatic") and on re-exporting it to our
// users ("requires-transitive-automatic"); our API exposes HazelcastInstance and Member, so the
// transitive requirement is intended, and there is no explicit Hazelcast module to require instead.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.weft.cluster {
    // @NullMarked, @Nullable: needed to compile weft only, neither to run it nor to compile
    // against it (so not "transitive"; the classes that use @Nullable in their API say
    // @SuppressWarnings("exports") for it).
    requires static org.jspecify;
    requires transitive dev.weft.parallel;
    requires transitive com.hazelcast.core;
    requires org.slf4j;

    exports dev.weft.cluster;
    // Hazelcast makes a chunk's task (a DataSerializable) through its no-argument constructor.
    opens dev.weft.cluster.internal to com.hazelcast.core;
}
