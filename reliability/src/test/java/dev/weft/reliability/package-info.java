/**
 * The cross-module reliability suite: Lincheck linearizability checks ({@code lincheck}), fault
 * injection ({@code faults}), bad input ({@code badinput}), pool work inside async scopes
 * ({@code structure}), opt-in reproductions of findings
 * ({@code findings}), and {@link dev.weft.reliability.Figures}, which counts what was checked.
 *
 * <pre>{@code
 * ./mvnw -pl reliability -am verify -Pstress
 * }</pre>
 */
package dev.weft.reliability;
