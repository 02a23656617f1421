package dev.zmqffm.snippets;

import dev.zmqffm.Context;
import dev.zmqffm.ContextOption;
import dev.zmqffm.ContextOptions;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketOption;
import dev.zmqffm.SocketOptions;
import dev.zmqffm.SocketType;
import dev.zmqffm.Zmq;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The javadoc examples of the package overview, {@code Context}, {@code Socket}, the socket
 * types, the options and {@code Zmq}. The regions between {@code @start} and {@code @end} are
 * what the pages show ({@code {@snippet class=... region=...}}); the code around them sets up
 * what an example assumes and hands its outcome to {@code SnippetsTest}, which runs every method.
 */
final class CoreSnippets {
    private CoreSnippets() {}

    static String overview() {
        String reply;
        // @start region="overview"
        try (Context ctx = Context.create();
             Socket rep = ctx.socket(SocketType.REP);
             Socket req = ctx.socket(SocketType.REQ)) {
            String endpoint = rep.bind("tcp://127.0.0.1:*");   // a free port, e.g. tcp://127.0.0.1:41234
            req.connect(endpoint);
            req.send("hello");
            rep.send(rep.receiveString().orElseThrow().toUpperCase());
            // @replace substring="reply =" replacement="String reply =" :
            reply = req.receiveString().orElseThrow();   // HELLO
        }
        // @end
        return reply;
    }

    static String context() {
        String job;
        // @start region="context"
        try (Context ctx = Context.create();                  // one I/O thread
             Socket pull = ctx.socket(SocketType.PULL);
             Socket push = ctx.socket(SocketType.PUSH)) {
            pull.bind("inproc://jobs");                        // inproc names are per context
            push.connect("inproc://jobs");
            push.send("job 1");
            // @replace substring="job =" replacement="String job =" :
            job = pull.receiveString().orElseThrow();
        }                                                      // sockets first, then the context
        // @end
        return job;
    }

    static String socket() {
        String answer;
        // @start region="socket"
        try (Context ctx = Context.create();
             Socket req = ctx.socket(SocketType.REQ);
             Socket rep = ctx.socket(SocketType.REP)) {
            req.connect("inproc://service");                  // nothing bound yet: the request waits
            req.send("hello");                                 // UTF-8, no terminating NUL
            rep.bind("inproc://service");
            rep.send(rep.receiveString().orElseThrow() + " back");
            Optional<String> reply = req.receiveString(Duration.ofSeconds(5));   // empty if too late
            // @replace substring="answer =" replacement="String answer =" :
            answer = reply.orElse("no reply");
        }
        // @end
        return answer;
    }

    static String socketType() {
        String received;
        // @start region="socket-type"
        try (Context ctx = Context.create();
             Socket pub = ctx.socket(SocketType.PUB);
             Socket sub = ctx.socket(SocketType.SUB)) {
            pub.bind("inproc://news");
            sub.connect("inproc://news");
            sub.subscribe("weather");                  // frames starting with these bytes
            Optional<String> news = Optional.empty();
            while (news.isEmpty()) {                   // the subscription reaches pub a moment
                pub.send("weather: sunny");            // later; until then pub drops what it sends
                news = sub.receiveString(Duration.ofMillis(50));
            }
            // @replace substring="received =" replacement="String received =" :
            received = news.get();
        }
        // @end
        return received;
    }

    static List<Object> contextOption() {
        try (Context ctx = Context.create()) {
            // @start region="context-option"
            ctx.set(ContextOptions.IO_THREADS, 2);             // before the first socket
            int limit = ctx.get(ContextOptions.SOCKET_LIMIT);  // read-only
            // @end
            return List.of(ctx.get(ContextOptions.IO_THREADS), limit);
        }
    }

    static boolean contextOptionUnchecked() {
        try (Context ctx = Context.create()) {
            // @start region="context-option-unchecked"
            // ZMQ_ZERO_COPY_RECV (10), a draft context option in zmq.h 4.3.4
            ContextOption<Boolean> zeroCopy = ContextOption.unchecked(10, Boolean.class);
            ctx.set(zeroCopy, false);
            // @end
            return ctx.get(zeroCopy);
        }
    }

    static List<Object> contextOptions() {
        try (Context ctx = Context.create()) {
            // @start region="context-options"
            ctx.set(ContextOptions.IO_THREADS, 4);
            ctx.set(ContextOptions.MAX_SOCKETS, 4096);
            boolean ipv6 = ctx.get(ContextOptions.IPV6);
            // @end
            return List.of(ctx.get(ContextOptions.IO_THREADS), ctx.get(ContextOptions.MAX_SOCKETS), ipv6);
        }
    }

    static List<Object> socketOption() {
        try (Context ctx = Context.create();
             Socket socket = ctx.socket(SocketType.DEALER)) {
            socket.bind("inproc://options");
            // @start region="socket-option"
            socket.set(SocketOptions.LINGER, Duration.ZERO);
            socket.set(SocketOptions.ROUTING_ID, "worker-1".getBytes(UTF_8));
            int hwm = socket.get(SocketOptions.SNDHWM);
            String where = socket.get(SocketOptions.LAST_ENDPOINT);   // inproc://options
            // @end
            return List.of(socket.get(SocketOptions.LINGER), new String(socket.get(SocketOptions.ROUTING_ID), UTF_8),
                    hwm, where);
        }
    }

    static boolean socketOptionUnchecked() {
        try (Context ctx = Context.create();
             Socket socket = ctx.socket(SocketType.PUB)) {
            // @start region="socket-option-unchecked"
            // ZMQ_MULTICAST_LOOP (96): in the draft section of zmq.h 4.3.4, honoured by its library
            SocketOption<Boolean> multicastLoop = SocketOption.unchecked(96, Boolean.class);
            socket.set(multicastLoop, false);
            // @end
            return socket.get(multicastLoop);
        }
    }

    static List<Object> socketOptions() {
        try (Context ctx = Context.create();
             Socket socket = ctx.socket(SocketType.PULL)) {
            // @start region="socket-options"
            socket.set(SocketOptions.SNDHWM, 10_000);
            socket.set(SocketOptions.RCVTIMEO, Duration.ofSeconds(2));
            socket.set(SocketOptions.LINGER, SocketOptions.INFINITE);      // libzmq's own default
            Duration linger = socket.get(SocketOptions.LINGER);            // INFINITE
            boolean more = socket.get(SocketOptions.RCVMORE);              // false: nothing received
            // @end
            return List.of(socket.get(SocketOptions.SNDHWM), socket.get(SocketOptions.RCVTIMEO), linger, more);
        }
    }

    static String zmq() {
        StringBuilder out = new StringBuilder();
        // @start region="zmq"
        out.append("libzmq ").append(Zmq.version());           // libzmq 4.3.4
        if (Zmq.has("curve")) {                                // CURVE security is available
            out.append(" with CURVE");
        }
        // @end
        return out.toString();
    }
}
