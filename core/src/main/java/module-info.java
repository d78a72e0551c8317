/** weft core: see the package {@code dev.weft.core}. */
module dev.weft.core {
    requires com.google.common;
    requires org.slf4j;

    exports dev.weft.core;
}
