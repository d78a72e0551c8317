/** weft async: see the package {@code dev.weft.async}. */
module dev.weft.async {
    requires transitive dev.weft.core;
    requires org.slf4j;

    exports dev.weft.async;
}
