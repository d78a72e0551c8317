/** weft async: see the package {@code dev.weft.async}. */
module dev.weft.async {
    // @NullMarked, @Nullable: needed at compile time only; "transitive" because they annotate
    // the API, so code compiled against weft reads them too (lint "exports" asks for it).
    requires static transitive org.jspecify;
    requires transitive dev.weft.core;
    requires org.slf4j;

    exports dev.weft.async;
}
