/** weft decorators: see the package {@code dev.weft.decorators}. */
module dev.weft.decorators {
    requires transitive dev.weft.core;
    requires org.slf4j;

    exports dev.weft.decorators;
}
