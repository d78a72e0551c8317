/**
 * weft micrometer: Micrometer meters for weft's pools, caches and scopes. See the package
 * {@code dev.weft.micrometer}.
 */
// micrometer-core ships as an automatic module (Automatic-Module-Name micrometer.core, no
// module-info), so javac warns on requiring it ("requires-automatic") and on re-exporting it to our
// users ("requires-transitive-automatic"); our API takes a MeterRegistry and extends
// CacheMeterBinder, so the transitive requirement is intended.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.weft.micrometer {
    // @NullMarked, @Nullable: needed to compile weft only, neither to run it nor to compile
    // against it (so not "transitive"; the classes that use @Nullable in their API say
    // @SuppressWarnings("exports") for it).
    requires static org.jspecify;
    requires transitive dev.weft.core;
    requires transitive dev.weft.parallel;
    requires transitive dev.weft.decorators;
    requires transitive micrometer.core;

    exports dev.weft.micrometer;
}
