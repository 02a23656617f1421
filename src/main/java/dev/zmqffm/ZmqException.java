package dev.zmqffm;

/**
 * An error reported by libzmq, with its {@link Errno} and libzmq's own message.
 *
 * {@snippet class=dev.zmqffm.snippets.ErrorSnippets region=zmq-exception}
 *
 * <p>Specific errors have their own subclasses: {@link ContextTerminatedException} ({@code ETERM}),
 * {@link SocketStateException} ({@code EFSM}), {@link AddressInUseException}
 * ({@code EADDRINUSE}), {@link HostUnreachableException} ({@code EHOSTUNREACH}) and
 * {@link OperationInterruptedException} (the calling thread was interrupted). "Would block"
 * ({@code EAGAIN}) is never thrown: it is a {@code false}, {@code -1} or empty result. A signal's
 * {@code EINTR} is never thrown either: such calls are retried with whatever remains of their
 * timeout. Misuse
 * (a closed object, a bad argument, concurrent use of a socket) is reported with the usual JDK
 * exceptions before any native code runs.
 */
public class ZmqException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Errno errno;
    /** The raw platform error number (serialized; {@link #errno()} is derived from it). */
    private final int code;
    /** The operation that failed, e.g. {@code "zmq_bind"}. */
    private final String operation;

    /**
     * Creates an exception for an error number.
     *
     * @param operation the libzmq call or API operation that failed, e.g. {@code "zmq_bind"}
     * @param code the platform error number
     * @param description libzmq's text for the error
     */
    public ZmqException(String operation, int code, String description) {
        super(operation + ": " + description + " (" + Errno.of(code) + (Errno.of(code) == Errno.UNKNOWN ? " " + code : "") + ")");
        this.errno = Errno.of(code);
        this.code = code;
        this.operation = operation;
    }

    /**
     * {@return the error as a typed value ({@link Errno#UNKNOWN} if the table does not know it)}
     */
    public Errno errno() {
        // Null only after deserialization: the field is transient, the code is not.
        return errno != null ? errno : Errno.of(code);
    }

    /** {@return the raw platform error number} */
    public int code() {
        return code;
    }

    /** {@return the operation that failed, e.g. {@code "zmq_bind"}} */
    public String operation() {
        return operation;
    }
}
