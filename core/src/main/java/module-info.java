/** weft core: see the package {@code dev.weft.core}. */
// The implementation helpers (dev.weft.core.internal) are exported to weft's sync, async and
// parallel modules only, so that they share core's timeout arithmetic and interruption test
// instead of copying them; applications cannot see them. Compiled alone, those modules are not on
// the module path, so javac warns "module not found" on that qualified export (lint category
// "module"): expected, not a mistake.
// context-propagation has no module-info, only an Automatic-Module-Name (lint "requires-automatic"):
// a stable name its maintainers chose, needed to read its registry.
@SuppressWarnings({"module", "requires-automatic"})
module dev.weft.core {
    // @NullMarked, @Nullable: needed to compile weft only, neither to run it nor to compile
    // against it (so not "transitive"; the classes that use @Nullable in their API say
    // @SuppressWarnings("exports") for it).
    requires static org.jspecify;
    requires org.slf4j;
    // Micrometer's context-propagation: optional; when present, its registered ThreadLocalAccessors
    // propagate into forks (dev.weft.core.internal.ForkContext checks that it is there).
    requires static context.propagation;
    // JFR events (dev.weft.core.internal.jfr) and the MBean dev.weft:type=Scopes; the Attach API
    // only for the command dev.weft.core.Dump, so applications never need it.
    requires jdk.jfr;
    requires java.management;
    requires static jdk.attach;

    exports dev.weft.core;
    exports dev.weft.core.internal to dev.weft.sync, dev.weft.async, dev.weft.parallel, dev.weft.decorators,
            dev.weft.cluster;
    exports dev.weft.core.internal.jfr to dev.weft.sync, dev.weft.async, dev.weft.parallel, dev.weft.cluster, jdk.jfr;
    exports dev.weft.core.internal.registry to dev.weft.async, dev.weft.parallel, java.management;
}
