/** weft testkit: see the package {@code dev.weft.testkit}. */
module dev.weft.testkit {
    // @NullMarked, @Nullable: needed to compile weft only, neither to run it nor to compile
    // against it (so not "transitive"; the classes that use @Nullable in their API say
    // @SuppressWarnings("exports") for it).
    requires static org.jspecify;
    requires transitive org.junit.jupiter.api;

    exports dev.weft.testkit;

    provides org.junit.jupiter.api.extension.Extension with dev.weft.testkit.LeakCheckExtension;
}
