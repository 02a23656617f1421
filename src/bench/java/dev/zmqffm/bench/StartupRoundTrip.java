package dev.zmqffm.bench;

import dev.zmqffm.Context;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketOptions;
import dev.zmqffm.SocketType;

/**
 * What a short-lived program pays before its first message: a fresh JVM, one context, a REP bound
 * to {@code tcp://127.0.0.1:*}, a REQ connected to it, one request and one reply, everything
 * closed. Run by {@code scripts/bench --startup} side by side with {@link JeroStartupRoundTrip},
 * {@code src/bench/c/startup.c}, {@link EmptyMain} and the Foreign Function API alone
 * ({@link BareFfmVersion}, {@link BareFfmRoundTrip}). Prints nothing on success (printing
 * would load classes of its own); exits non-zero if the reply is wrong.
 */
public final class StartupRoundTrip {
    private StartupRoundTrip() {}

    public static void main(String[] args) {
        try (Context ctx = Context.create();
             Socket rep = ctx.socket(SocketType.REP);
             Socket req = ctx.socket(SocketType.REQ)) {
            rep.bind("tcp://127.0.0.1:*");
            req.connect(rep.get(SocketOptions.LAST_ENDPOINT));
            req.send("hello");
            rep.send(rep.receiveString().orElseThrow().equals("hello") ? "world" : "wrong");
            if (!req.receiveString().orElseThrow().equals("world")) {
                System.exit(1);
            }
        }
    }
}
