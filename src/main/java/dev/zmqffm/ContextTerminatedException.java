package dev.zmqffm;

/**
 * Thrown for {@code ETERM}: the context was shut down or closed ({@link Context#shutdown()} or
 * {@link Context#close()}). Blocked calls return with it, and so does every later call on the
 * context's sockets: catch it to leave a worker loop, then close the socket.
 *
 * {@snippet class=dev.zmqffm.snippets.ErrorSnippets region=context-terminated}
 */
public final class ContextTerminatedException extends ZmqException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param operation the operation that failed
     * @param code the platform error number
     * @param description libzmq's text for the error
     */
    public ContextTerminatedException(String operation, int code, String description) {
        super(operation, code, description);
    }
}
