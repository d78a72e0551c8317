/** weft async (being built; see the issue tracker). */
package dev.weft.async;
