package dev.zmqffm;

/**
 * Thrown for {@code EADDRINUSE}: the address given to {@link Socket#bind(String)} is already bound by
 * another socket or process.
 *
 * {@snippet class=dev.zmqffm.snippets.ErrorSnippets region=address-in-use}
 */
public final class AddressInUseException extends ZmqException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param operation the operation that failed
     * @param code the platform error number
     * @param description libzmq's text for the error
     */
    public AddressInUseException(String operation, int code, String description) {
        super(operation, code, description);
    }
}
