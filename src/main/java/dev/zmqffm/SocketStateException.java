package dev.zmqffm;

/**
 * Thrown for {@code EFSM}: the operation is not allowed in the socket's current state, such as a
 * second send on a REQ socket before its reply arrived.
 *
 * {@snippet class=dev.zmqffm.snippets.ErrorSnippets region=socket-state}
 */
public final class SocketStateException extends ZmqException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param operation the operation that failed
     * @param code the platform error number
     * @param description libzmq's text for the error
     */
    public SocketStateException(String operation, int code, String description) {
        super(operation, code, description);
    }
}
