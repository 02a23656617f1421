package dev.zmqffm;

/**
 * Thrown for {@code EHOSTUNREACH}: a ROUTER socket with {@link SocketOptions#ROUTER_MANDATORY} was asked
 * to send to a routing id it has no connection for.
 *
 * {@snippet class=dev.zmqffm.snippets.ErrorSnippets region=host-unreachable}
 */
public final class HostUnreachableException extends ZmqException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param operation the operation that failed
     * @param code the platform error number
     * @param description libzmq's text for the error
     */
    public HostUnreachableException(String operation, int code, String description) {
        super(operation, code, description);
    }
}
