/** weft sync: see the package {@code dev.weft.sync}. */
module dev.weft.sync {
    // @NullMarked, @Nullable: needed at compile time only; "transitive" because they annotate
    // the API, so code compiled against weft reads them too (lint "exports" asks for it).
    requires static transitive org.jspecify;
    requires transitive dev.weft.core;
    requires com.google.common;
    requires org.slf4j;

    exports dev.weft.sync;
}
