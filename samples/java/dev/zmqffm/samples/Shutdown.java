package dev.zmqffm.samples;

import dev.zmqffm.Context;
import sun.misc.Signal;

/**
 * Shared by the samples that run until stopped: SIGINT and SIGTERM shut the context down, so
 * the blocked call in the main loop throws {@link dev.zmqffm.ContextTerminatedException}, the
 * program closes everything and exits with status 0. (A JVM shutdown hook would run too late:
 * the exit status would be 130 or 143.)
 */
final class Shutdown {
    private Shutdown() {}

    static void onSignal(Context ctx) {
        Signal.handle(new Signal("INT"), signal -> ctx.shutdown());
        Signal.handle(new Signal("TERM"), signal -> ctx.shutdown());
    }
}
