package dev.zmqffm;

import dev.zmqffm.internal.LibZmq;
import java.lang.foreign.MemorySegment;

/** Turns a captured errno into the documented exception type. */
final class Failures {
    private Failures() {}

    static ZmqException of(String operation, int code) {
        String text = LibZmq.zmq_strerror(code);
        return switch (Errno.of(code)) {
            case ETERM -> new ContextTerminatedException(operation, code, text);
            case EFSM -> new SocketStateException(operation, code, text);
            case EADDRINUSE -> new AddressInUseException(operation, code, text);
            case EHOSTUNREACH -> new HostUnreachableException(operation, code, text);
            default -> new ZmqException(operation, code, text);
        };
    }

    static ZmqException of(String operation, MemorySegment capture) {
        return of(operation, LibZmq.errno(capture));
    }

    static boolean isAgain(int code) {
        return code == Errno.EAGAIN.code();
    }

    static boolean isInterrupted(int code) {
        return code == Errno.EINTR.code();
    }
}
