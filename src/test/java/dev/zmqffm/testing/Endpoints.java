package dev.zmqffm.testing;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh endpoints for tests, one per call so tests never collide. */
public final class Endpoints {
    private Endpoints() {}

    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** The three transports every socket pair is tested over. */
    public enum Transport { INPROC, IPC, TCP }

    /** An endpoint to bind for {@code transport}; tcp uses an ephemeral port. */
    public static String bindable(Transport transport) {
        int n = COUNTER.incrementAndGet();
        return switch (transport) {
            case INPROC -> "inproc://test-" + ProcessHandle.current().pid() + "-" + n;
            case IPC -> "ipc://" + Path.of(System.getProperty("java.io.tmpdir"),
                    "zmqffm-" + ProcessHandle.current().pid() + "-" + n + ".ipc");
            case TCP -> "tcp://127.0.0.1:*";
        };
    }
}
