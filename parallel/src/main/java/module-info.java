/** weft parallel: see the package {@code dev.weft.parallel}. */
module dev.weft.parallel {
    requires transitive dev.weft.core;
    requires org.slf4j;

    exports dev.weft.parallel;
}
