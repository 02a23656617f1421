package dev.zmqffm;

/**
 * The configurations zmq-ffm refuses, or warns about, when security is applied to a socket
 * ({@link SocketSecurity}) or a secret is loaded ({@link Certificate}). Each rule says why: most
 * are the places where libzmq silently lets everyone in or aborts the process.
 *
 * {@snippet class=dev.zmqffm.snippets.SecuritySnippets region=security-rule}
 *
 * <p>An {@link Severity#ERROR} rule throws {@link InsecureConfigurationException}; a
 * {@link Severity#WARNING} rule is logged (logger {@code dev.zmqffm.security}, level WARNING) and
 * returned by {@link SocketSecurity#applyTo(Socket)}.
 */
public enum SecurityRule {
    /**
     * A secured server role needs an {@link Authenticator} running in the socket's context:
     * without a ZAP handler a CURVE server accepts any client key.
     */
    NO_AUTHENTICATOR(Severity.ERROR, "a CURVE server with no ZAP handler accepts any client key, and a NULL "
            + "server with a domain but no handler accepts everyone"),
    /** The authenticator has no policy for the role's mechanism in the domain: everyone would be denied. */
    NO_POLICY(Severity.ERROR, "every peer would be denied, which is a configuration mistake rather than a policy"),
    /**
     * A server role needs a non-empty ZAP domain: with an empty domain and ZAP_ENFORCE_DOMAIN libzmq
     * skips the handler for CURVE (any key gets in) and aborts the process for PLAIN.
     */
    EMPTY_DOMAIN(Severity.ERROR, "libzmq skips ZAP for CURVE (any key accepted) and aborts for PLAIN when the "
            + "domain is empty"),
    /** ZAP_ENFORCE_DOMAIN (option 93) is not honoured by this libzmq: the domain could be bypassed. */
    ENFORCE_DOMAIN_UNSUPPORTED(Severity.ERROR, "without ZAP_ENFORCE_DOMAIN a missing handler lets NULL and CURVE "
            + "peers in"),
    /** Server roles need libzmq 4.3.4 or later (CVE-2019-13132, CVE-2020-15166, CVE-2021-20234/5/6, CVE-2020-36400). */
    LIBZMQ_TOO_OLD(Severity.ERROR, "libzmq before 4.3.4 has remotely exploitable flaws in its security handshakes"),
    /** A client role on a libzmq older than 4.3.4: the same flaws, reachable only through servers it chose. */
    LIBZMQ_TOO_OLD_CLIENT(Severity.WARNING, "libzmq before 4.3.4 has known flaws; a client only meets the servers "
            + "it connects to"),
    /** PLAIN sends the password in clear: only over loopback unless explicitly allowed. */
    PLAIN_NOT_LOOPBACK(Severity.ERROR, "PLAIN credentials travel in clear text and can be read on the network"),
    /** PLAIN over a non-loopback address, explicitly allowed: still readable on the network. */
    PLAIN_NOT_LOOPBACK_ALLOWED(Severity.WARNING, "PLAIN credentials travel in clear text"),
    /** inproc:// has no handshake: no mechanism and no ZAP apply, so the security would be silently absent. */
    INPROC_ENDPOINT(Severity.ERROR, "inproc connections have no handshake: the security settings would not apply"),
    /**
     * libzmq copies the security options at bind/connect: a change afterwards does not protect the
     * existing listeners and connections.
     */
    OPTIONS_AFTER_ATTACH(Severity.ERROR, "libzmq copies security options at bind/connect: existing endpoints "
            + "would keep the old settings"),
    /** Security applied in one step is final: changing one option would undo the checks made. */
    OPTIONS_LOCKED(Severity.ERROR, "the checks made when the security was applied would no longer hold"),
    /** Security is applied once per socket. */
    ALREADY_APPLIED(Severity.ERROR, "a second role would mix the options of two mechanisms"),
    /**
     * A server role on a socket that connects keeps its ZAP pipe across reconnects, where libzmq can
     * assert on a late reply; allowed only when asked for.
     */
    SERVER_ROLE_CONNECTS(Severity.ERROR, "a connecting server is unusual and exposes libzmq's late-ZAP-reply "
            + "assertion across reconnects"),
    /** All-zero keys and the published test keys of zmq_curve(7) protect nothing. */
    WEAK_KEY(Severity.ERROR, "the key is known to everyone"),
    /** A public key that does not belong to the secret key makes every handshake fail. */
    KEY_PAIR_MISMATCH(Severity.ERROR, "the public key does not belong to the secret key"),
    /** A client using the server's own key pair: the server's secret has been handed out. */
    CLIENT_KEY_IS_SERVER_KEY(Severity.ERROR, "the client holds the server's secret key, so anyone with it can "
            + "impersonate the server"),
    /** The HANDSHAKE_IVL must be longer than the authenticator's reply deadline (libzmq asserts on a late reply). */
    HANDSHAKE_TOO_SHORT(Severity.ERROR, "a handshake that times out before the ZAP reply exposes libzmq's "
            + "late-reply assertion"),
    /** CURVE encryption without client authentication, asked for by name: any client key is accepted. */
    ENCRYPTION_ONLY(Severity.WARNING, "any client that knows the server's public key can connect"),
    /** A secret certificate file readable by group or others has leaked to them. */
    SECRET_FILE_READABLE(Severity.ERROR, "other users of the machine can read the secret key"),
    /** The authenticator was closed: a new secured socket would be denied everything. */
    AUTHENTICATOR_CLOSED(Severity.ERROR, "the authenticator denies every request once closed");

    /** Whether a rule refuses or warns. */
    public enum Severity {
        /** The configuration is refused with {@link InsecureConfigurationException}. */
        ERROR,
        /** The configuration is applied and the rule logged and returned. */
        WARNING
    }

    private final Severity severity;
    private final String reason;

    SecurityRule(Severity severity, String reason) {
        this.severity = severity;
        this.reason = reason;
    }

    /** {@return whether this rule refuses or warns} */
    public Severity severity() {
        return severity;
    }

    /** {@return why the rule exists} */
    public String reason() {
        return reason;
    }
}
