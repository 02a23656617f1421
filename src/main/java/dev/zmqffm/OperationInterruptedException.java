package dev.zmqffm;

/**
 * Thrown when the calling thread is interrupted ({@link Thread#interrupt()}) while a send,
 * receive or poll would have to wait, or while a virtual thread is waiting. The interrupt status
 * stays set, the socket stays usable, and nothing was sent or received by the call that threw:
 * a message that arrives later is there for the next receive.
 *
 * {@snippet class=dev.zmqffm.snippets.ErrorSnippets region=operation-interrupted}
 *
 * <p>A virtual thread's wait ends within microseconds of the interrupt. A platform thread
 * checks before it starts waiting; once inside libzmq's blocking call it cannot be interrupted
 * (see the package overview, "Threads and virtual threads"). Its errno is {@link Errno#EINTR}.
 */
public final class OperationInterruptedException extends ZmqException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param operation the operation that was interrupted
     */
    public OperationInterruptedException(String operation) {
        super(operation, Errno.EINTR.code(), "interrupted: Thread.interrupt() was called");
    }
}
