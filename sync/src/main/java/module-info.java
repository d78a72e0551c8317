/** weft sync: see the package {@code dev.weft.sync}. */
module dev.weft.sync {
    requires transitive dev.weft.core;
    requires com.google.common;
    requires org.slf4j;

    exports dev.weft.sync;
}
