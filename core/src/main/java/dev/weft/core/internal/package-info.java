/** Implementation of {@code dev.weft.core}; not exported, not API. */
package dev.weft.core.internal;
