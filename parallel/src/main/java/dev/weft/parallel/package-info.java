/** weft parallel (being built; see the issue tracker). */
package dev.weft.parallel;
