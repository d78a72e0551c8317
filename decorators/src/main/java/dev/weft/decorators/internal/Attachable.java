package dev.weft.decorators.internal;

/**
 * A decorator that belongs to one decorated function or proxy (a cache): {@code Decorate} attaches
 * it when it builds the wrapper, and the second owner is refused.
 */
public interface Attachable {

    /**
     * Makes {@code owner} this decorator's owner.
     *
     * @param owner a token for the decorated function or proxy being built
     * @param ownerName its name, for messages
     * @throws IllegalStateException if another owner has it already
     */
    void attach(Object owner, String ownerName);

    /**
     * Undoes {@link #attach} when building the owner failed later on.
     *
     * @param owner the token given to {@code attach}
     */
    void detach(Object owner);
}
