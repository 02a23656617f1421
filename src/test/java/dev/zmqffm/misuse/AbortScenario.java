package dev.zmqffm.misuse;

import static dev.zmqffm.misuse.Scenario.expect;
import static dev.zmqffm.misuse.Scenario.quiet;

import dev.zmqffm.Context;
import dev.zmqffm.ContextOptions;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketOptions;
import dev.zmqffm.SocketType;
import dev.zmqffm.ZmqException;

/**
 * Inputs that libzmq 4.3.4 accepts and aborts on later, each run in its own JVM by
 * {@code AbortTest}: without the binding's checks, each scenario's first step ends the process
 * (status 134, no {@code DONE}). Steps print as in {@link Scenario}.
 */
public final class AbortScenario {
    private AbortScenario() {}

    public static void main(String[] args) throws Throwable {
        switch (args[0]) {
            case "thread-options" -> threadOptions();
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.println("DONE");
    }

    /** A context whose first socket must start (or be refused), then be usable. */
    private static void firstSocket(Context ctx) {
        try (Socket a = ctx.socket(SocketType.PAIR); Socket b = ctx.socket(SocketType.PAIR)) {
            b.connect(a.bind("tcp://127.0.0.1:*"));
            b.send("up");
            a.receiveString();
        }
    }

    /** thread.cpp:345 (pthread_setschedparam) and :372 (pthread_setaffinity_np) assert. */
    static void threadOptions() {
        int cpus = Runtime.getRuntime().availableProcessors();
        try (Context ctx = Context.create()) {
            expect("policy-99", IllegalArgumentException.class, () -> ctx.set(ContextOptions.THREAD_SCHED_POLICY, 99));
            expect("policy-deadline", IllegalArgumentException.class,
                    () -> ctx.set(ContextOptions.THREAD_SCHED_POLICY, 6));
            expect("priority-100", IllegalArgumentException.class, () -> ctx.set(ContextOptions.THREAD_PRIORITY, 100));
            expect("cpu-unavailable", IllegalArgumentException.class,
                    () -> ctx.set(ContextOptions.THREAD_AFFINITY_CPU_ADD, cpus + 7));
            expect("cpu-beyond-set", IllegalArgumentException.class,
                    () -> ctx.set(ContextOptions.THREAD_AFFINITY_CPU_ADD, 5000));
            expect("io-threads-huge", IllegalArgumentException.class,
                    () -> ctx.set(ContextOptions.IO_THREADS, 100_000));
            quiet("still-usable", () -> firstSocket(ctx));
        }
        try (Context ctx = Context.create()) {
            // SCHED_FIFO keeps the inherited priority 0, which FIFO does not allow: EINVAL.
            ctx.set(ContextOptions.THREAD_SCHED_POLICY, 1);
            expect("fifo-without-priority", ZmqException.class, () -> firstSocket(ctx));
            ctx.set(ContextOptions.THREAD_PRIORITY, 10);
            // Root may use real-time scheduling; anyone else gets EPERM, never an abort.
            try {
                firstSocket(ctx);
                System.out.println("fifo-with-priority: started");
            } catch (ZmqException e) {
                System.out.println("fifo-with-priority: refused " + e.errno());
            }
        }
        try (Context ctx = Context.create()) {
            ctx.set(ContextOptions.THREAD_AFFINITY_CPU_ADD, cpus - 1);
            quiet("cpu-allowed", () -> firstSocket(ctx));
        }
    }
}
