package dev.zmqffm.consumer.classpath;

import dev.zmqffm.Context;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketOptions;
import dev.zmqffm.SocketType;
import dev.zmqffm.Zmq;

/** A class-path application: one REQ/REP round trip over tcp, then what it ran on. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        try (Context ctx = Context.create();
             Socket rep = ctx.socket(SocketType.REP);
             Socket req = ctx.socket(SocketType.REQ)) {
            rep.bind("tcp://127.0.0.1:*");
            req.connect(rep.get(SocketOptions.LAST_ENDPOINT));
            req.send("hello");
            String request = rep.receiveString().orElseThrow();
            rep.send("world");
            String reply = req.receiveString().orElseThrow();
            if (!"hello".equals(request) || !"world".equals(reply)) {
                System.err.println("wrong round trip: " + request + " / " + reply);
                System.exit(1);
            }
        }
        System.out.println("class path: round trip ok, libzmq " + Zmq.version() + ", zmq-ffm in "
                + Zmq.class.getModule());
    }
}
