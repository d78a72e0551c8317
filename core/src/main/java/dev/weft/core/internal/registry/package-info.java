/**
 * The registry of weft's open scopes and live pools that {@code dev.weft.core.Scopes} dumps and
 * the MBean {@code dev.weft:type=Scopes} serves: {@link ScopeRecord} (one a scope or gather, with
 * its running forks), {@link LiveScopes} (the open ones, weakly held), {@link PoolSource} (how a
 * pool module shows its workers to core, which cannot depend on it) and {@link ScopeKinds}.
 * Exported to weft's modules that open scopes or run pools only; not API, and may change at any
 * time.
 */
package dev.weft.core.internal.registry;
