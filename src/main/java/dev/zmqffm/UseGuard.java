package dev.zmqffm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Who is inside an object that one thread at a time may use: idle, busy, or closed.
 *
 * <pre>{@code
 * guard.enter();                 // throws if closed, or if another thread is inside
 * try {
 *     ... call libzmq ...
 * } finally {
 *     guard.exit();
 * }
 * }</pre>
 *
 * <p>libzmq sockets are not thread-safe and {@code zmq_close} on a socket another thread is
 * blocked in aborts the process; this guard turns both into exceptions. It is one
 * compare-and-set per call, shared by {@link Socket} (its engine), {@link Poller} (a poll claims
 * its sockets), {@link Proxy} (which claims its sockets for its thread) and {@link SocketMonitor}.
 */
final class UseGuard {
    private static final int IDLE = 0;
    private static final int BUSY = 1;
    private static final int CLOSED = 2;
    private static final VarHandle STATE;
    private static final VarHandle DEFERRED;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(UseGuard.class, "state", int.class);
            DEFERRED = MethodHandles.lookup().findVarHandle(UseGuard.class, "deferred", Runnable.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String what;
    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state = IDLE;
    private volatile boolean closedByContext;
    /** An action for the thread inside to run as it leaves ({@link #runWhenIdle}). */
    @SuppressWarnings("unused") // accessed through DEFERRED
    private volatile Runnable deferred;

    /** A guard for an object called {@code what} in messages ("socket", "poller"). */
    UseGuard(String what) {
        this.what = what;
    }

    /** Marks the object in use by the calling thread; throws if it is closed or busy. */
    void enter() {
        if (!STATE.compareAndSet(this, IDLE, BUSY)) {
            throw refusal();
        }
    }

    /** Like {@link #enter()}, but answers {@code false} instead of throwing. */
    boolean tryEnter() {
        return STATE.compareAndSet(this, IDLE, BUSY);
    }

    /** Ends {@link #enter()} or a successful {@link #tryEnter()}. */
    void exit() {
        // A volatile read is a plain load on x86 and ARM64's LDAR: nothing on the hot path.
        if (deferred != null) {
            runDeferred();
        }
        // Release ordering suffices: the next enter() is a CAS, which synchronizes with it.
        STATE.setRelease(this, IDLE);
    }

    /**
     * Runs {@code action} inside the guard: now if idle, otherwise by the thread inside as it
     * leaves (libzmq calls on a socket must come from the thread using it). One action at a
     * time. If that thread left at the same instant, the action waits for the next
     * {@link #exit()}, or for {@link #takeDeferred()} at close.
     *
     * @return {@code false} if the object is closed (the action is not run)
     */
    boolean runWhenIdle(Runnable action) {
        if (tryEnter()) {
            try {
                action.run();
            } finally {
                STATE.setRelease(this, IDLE);
            }
            return true;
        }
        if (isClosed()) {
            return false;
        }
        DEFERRED.setVolatile(this, action);
        if (tryEnter()) {                   // the thread inside left before it saw the action
            try {
                runDeferred();
            } finally {
                STATE.setRelease(this, IDLE);
            }
        }
        return true;
    }

    /** The deferred action nobody ran, for the closing thread ({@code null} if none). */
    Runnable takeDeferred() {
        return (Runnable) DEFERRED.getAndSet(this, (Runnable) null);
    }

    private void runDeferred() {
        Runnable action = takeDeferred();
        if (action != null) {
            action.run();
        }
    }

    /** Whether a thread is inside right now. */
    boolean isBusy() {
        return (int) STATE.getVolatile(this) == BUSY;
    }

    /** Whether the object is closed. */
    boolean isClosed() {
        return (int) STATE.getVolatile(this) == CLOSED;
    }

    /** Whether it was closed by {@link #closeWhenIdle(boolean)} on behalf of a context. */
    boolean isClosedByContext() {
        return closedByContext && isClosed();
    }

    /**
     * Closes if idle.
     *
     * @return {@code true} if this call closed it (the caller releases the resources),
     *         {@code false} if it was closed already
     * @throws IllegalStateException if another thread is inside ({@code busyAdvice} says what to do)
     */
    boolean close(String busyAdvice) {
        while (true) {
            int s = (int) STATE.getVolatile(this);
            if (s == CLOSED) {
                return false;
            }
            if (s == BUSY) {
                throw new IllegalStateException(what + " is in use by another thread; " + busyAdvice);
            }
            if (STATE.compareAndSet(this, IDLE, CLOSED)) {
                return true;
            }
        }
    }

    /**
     * Waits until no thread is inside, then closes. For a context that has shut down: the
     * threads inside are returning with ETERM.
     *
     * @return {@code true} if this call closed it, {@code false} if it was closed already
     */
    boolean closeWhenIdle(boolean byContext) {
        if (byContext) {
            closedByContext = true;
        }
        while (true) {
            int s = (int) STATE.getVolatile(this);
            if (s == CLOSED) {
                return false;
            }
            if (s == IDLE && STATE.compareAndSet(this, IDLE, CLOSED)) {
                return true;
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    /** The exception for a refused {@link #enter()}. */
    RuntimeException refusal() {
        if (isClosed()) {
            if (closedByContext) {
                return new ContextTerminatedException(what, Errno.ETERM.code(), "the context was closed");
            }
            return new IllegalStateException(what + " is closed");
        }
        return new IllegalStateException(what + " is in use by another thread: it must not be used by two "
                + "threads at once");
    }
}
