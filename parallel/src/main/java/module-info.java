/** weft parallel: see the package {@code dev.weft.parallel}. */
// The pool machinery (dev.weft.parallel.internal) is exported to weft's other pool backend only,
// so that the cluster module extends it instead of copying it; applications cannot see it. Compiled
// alone, dev.weft.cluster is not on the module path, so javac warns "module not found" on that
// qualified export (lint category "module"): expected, not a mistake.
@SuppressWarnings("module")
module dev.weft.parallel {
    // @NullMarked, @Nullable: needed to compile weft only, neither to run it nor to compile
    // against it (so not "transitive"; the classes that use @Nullable in their API say
    // @SuppressWarnings("exports") for it).
    requires static org.jspecify;
    requires transitive dev.weft.core;
    requires org.slf4j;
    requires java.management; // the JVM flags a child inherits (LaunchLayout)

    exports dev.weft.parallel;
    exports dev.weft.parallel.internal to dev.weft.cluster;
}
