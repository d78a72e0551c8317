/** weft async: see the package {@code dev.weft.async}. */
module dev.weft.async {
    // @NullMarked, @Nullable: needed to compile weft only, neither to run it nor to compile
    // against it (so not "transitive"; the classes that use @Nullable in their API say
    // @SuppressWarnings("exports") for it).
    requires static org.jspecify;
    requires transitive dev.weft.core;
    requires org.slf4j;

    exports dev.weft.async;
}
