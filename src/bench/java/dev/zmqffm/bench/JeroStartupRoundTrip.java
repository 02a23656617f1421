package dev.zmqffm.bench;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** {@link StartupRoundTrip} with JeroMQ: the same sockets, endpoint and messages. */
public final class JeroStartupRoundTrip {
    private JeroStartupRoundTrip() {}

    public static void main(String[] args) {
        try (ZContext ctx = new ZContext()) {
            ZMQ.Socket rep = ctx.createSocket(SocketType.REP);
            ZMQ.Socket req = ctx.createSocket(SocketType.REQ);
            rep.bind("tcp://127.0.0.1:*");
            req.connect(rep.getLastEndpoint());
            req.send("hello");
            rep.send(rep.recvStr().equals("hello") ? "world" : "wrong");
            if (!req.recvStr().equals("world")) {
                System.exit(1);
            }
        }
    }
}
