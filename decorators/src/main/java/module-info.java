/** weft decorators: see the package {@code dev.weft.decorators}. */
module dev.weft.decorators {
    // @NullMarked, @Nullable: needed at compile time only; "transitive" because they annotate
    // the API, so code compiled against weft reads them too (lint "exports" asks for it).
    requires static transitive org.jspecify;
    requires transitive dev.weft.core;
    requires org.slf4j;

    exports dev.weft.decorators;
}
