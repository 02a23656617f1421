package dev.zmqffm;

import dev.zmqffm.internal.LayoutCheck;
import dev.zmqffm.internal.raw.zmq_h;

/**
 * The twelve stable ZeroMQ socket types.
 *
 * {@snippet class=dev.zmqffm.snippets.CoreSnippets region=socket-type}
 *
 * <p>Valid pairs: PAIR–PAIR, PUB–SUB, PUB–XSUB, XPUB–SUB, XPUB–XSUB, REQ–REP, REQ–ROUTER,
 * DEALER–REP, DEALER–ROUTER, DEALER–DEALER, ROUTER–ROUTER, PUSH–PULL; STREAM talks to plain TCP
 * peers. The draft types (SERVER, CLIENT, RADIO, DISH, …) are not in stable libzmq 4.3.
 */
public enum SocketType {
    /** Exclusive pair; one peer only. */
    // requireLayout() first: the generated class's initialiser fails obscurely on a platform it
    // was not made for, and this is the first generated constant an enum constant reads.
    PAIR(requireLayout() + zmq_h.ZMQ_PAIR()),
    /** Publisher: sends to every matching subscriber; never blocks (drops at the high-water mark). */
    PUB(zmq_h.ZMQ_PUB()),
    /** Subscriber: receives what matches its subscriptions. */
    SUB(zmq_h.ZMQ_SUB()),
    /** Request: strict send, receive, send, receive. */
    REQ(zmq_h.ZMQ_REQ()),
    /** Reply: strict receive, send, receive, send. */
    REP(zmq_h.ZMQ_REP()),
    /** Asynchronous request: load-balances sends, fair-queues receives. */
    DEALER(zmq_h.ZMQ_DEALER()),
    /** Asynchronous reply: prefixes each message with the sender's routing id. */
    ROUTER(zmq_h.ZMQ_ROUTER()),
    /** Pipeline sink: fair-queues from pushers. */
    PULL(zmq_h.ZMQ_PULL()),
    /** Pipeline source: load-balances to pullers. */
    PUSH(zmq_h.ZMQ_PUSH()),
    /** PUB that also receives subscription messages. */
    XPUB(zmq_h.ZMQ_XPUB()),
    /** SUB that sends subscriptions as messages. */
    XSUB(zmq_h.ZMQ_XSUB()),
    /** Raw TCP: every message is a routing id frame and a data frame. */
    STREAM(zmq_h.ZMQ_STREAM());

    private final int code;

    SocketType(int code) {
        this.code = code;
    }

    /** Runs {@link LayoutCheck#require()}; 0. */
    private static int requireLayout() {
        LayoutCheck.require();
        return 0;
    }

    /** {@return libzmq's number for this type ({@code ZMQ_REQ} is 3)} */
    public int code() {
        return code;
    }

    /**
     * Whether ZMTP lets a socket of this type talk to one of type {@code peer} (the pairs listed
     * above). Over tcp and ipc libzmq's handshake refuses other pairs; over {@code inproc://} it
     * does not check, so {@link Socket#bind} and {@link Socket#connect} do.
     */
    boolean pairsWith(SocketType peer) {
        return switch (this) {
            case PAIR -> peer == PAIR;
            case PUB -> peer == SUB || peer == XSUB;
            case XPUB -> peer == SUB || peer == XSUB;
            case SUB, XSUB -> peer == PUB || peer == XPUB;
            case REQ -> peer == REP || peer == ROUTER;
            case REP -> peer == REQ || peer == DEALER;
            case DEALER -> peer == REP || peer == ROUTER || peer == DEALER;
            case ROUTER -> peer == REQ || peer == DEALER || peer == ROUTER;
            case PUSH -> peer == PULL;
            case PULL -> peer == PUSH;
            case STREAM -> false;
        };
    }

    /**
     * {@return the type with libzmq's number {@code code}}
     *
     * @param code a {@code ZMQ_*} socket type number
     * @throws IllegalArgumentException if no type has that number
     */
    public static SocketType of(int code) {
        for (SocketType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown socket type " + code);
    }
}
