/** weft decorators: see the package {@code dev.weft.decorators}. */
module dev.weft.decorators {
    requires transitive dev.weft.core;
    requires com.google.common;
    requires org.slf4j;

    // exports dev.weft.decorators; (added with the module's first public class)
}
