/** weft cluster: see the package {@code dev.weft.cluster}. */
module dev.weft.cluster {
    requires transitive dev.weft.parallel;
    requires org.slf4j;

    // exports dev.weft.cluster; (added with the module's first public class)
}
