/** The cross-module reliability suite (being built; see the issue tracker). */
package dev.weft.reliability;
