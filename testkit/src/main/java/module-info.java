/** weft testkit: see the package {@code dev.weft.testkit}. */
module dev.weft.testkit {
    requires transitive org.junit.jupiter.api;

    exports dev.weft.testkit;

    provides org.junit.jupiter.api.extension.Extension with dev.weft.testkit.LeakCheckExtension;
}
