/** weft sync (being built; see the issue tracker). */
package dev.weft.sync;
