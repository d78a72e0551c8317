/** weft decorators (being built; see the issue tracker). */
package dev.weft.decorators;
