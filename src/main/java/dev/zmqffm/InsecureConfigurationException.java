package dev.zmqffm;

import java.util.Objects;

/**
 * A security configuration that zmq-ffm refuses because libzmq would let unauthenticated peers in,
 * leak a secret, or abort the process. {@link #rule()} says which rule, and its
 * {@linkplain SecurityRule#reason() reason}.
 *
 * {@snippet class=dev.zmqffm.snippets.SecuritySnippets region=insecure-configuration}
 */
public final class InsecureConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The rule broken. */
    private final SecurityRule rule;

    /**
     * An exception whose message names the rule, the detail and the rule's reason.
     *
     * @param rule the rule broken
     * @param detail what was found (never a secret)
     */
    public InsecureConfigurationException(SecurityRule rule, String detail) {
        super(Objects.requireNonNull(rule, "rule") + ": " + detail + " (" + rule.reason() + ")");
        this.rule = rule;
    }

    /** {@return the rule broken} */
    public SecurityRule rule() {
        return rule;
    }
}
