package org.redwheel.identity;

import java.util.Optional;

/**
 * Names the targets of data scopes (enterprises, organisation nodes, departments). Identity owns
 * this interface and the organisation module implements it, so the dependency points one way.
 */
public interface ScopeDirectory {

    /** The display name of the scope's target, or empty when it does not exist. */
    Optional<String> targetName(DataScope scope);
}
