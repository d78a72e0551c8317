/** weft cluster (being built; see the issue tracker). */
package dev.weft.cluster;
