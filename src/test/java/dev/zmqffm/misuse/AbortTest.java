package dev.zmqffm.misuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zmqffm.testing.ForkedJvm;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Inputs libzmq accepts and later aborts the process on ({@link AbortScenario}), each in a forked
 * JVM: a clean exit, the documented exception at every step, and the object still usable.
 * Each test was checked once to fail (exit 134) with the binding's check removed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AbortTest {

    static String run(Class<?> main, String scenario, String... expectedSteps) {
        return runWith(main, new String[] {scenario}, expectedSteps);
    }

    static String runWith(Class<?> main, String[] args, String... expectedSteps) {
        ForkedJvm.Result r = ForkedJvm.run(main, args);
        assertEquals(0, r.exitCode(), r.evidence());
        assertTrue(r.stdout().contains("DONE"), r.evidence());
        assertFalse(r.stdout().contains("UNEXPECTED"), r.evidence());
        assertFalse(r.stdout().contains("no exception"), r.evidence());
        for (String step : expectedSteps) {
            assertTrue(r.stdout().contains(step), "missing '" + step + "'\n" + r.evidence());
        }
        return r.stdout();
    }

    @Test
    void threadOptionsLibzmqCannotApplyAreRefused() {
        run(AbortScenario.class, "thread-options", "policy-99: IllegalArgumentException",
                "policy-deadline: IllegalArgumentException", "priority-100: IllegalArgumentException",
                "cpu-unavailable: IllegalArgumentException", "cpu-beyond-set: IllegalArgumentException",
                "io-threads-huge: IllegalArgumentException", "still-usable: quiet",
                "fifo-without-priority: ZmqException", "fifo-with-priority: ", "cpu-allowed: quiet");
    }

    @Test
    void useFdMustBeAListeningSocketOfTheEndpointsFamily() {
        run(AbortScenario.class, "use-fd", "regular-file: IllegalArgumentException", "not-open: IllegalArgumentException",
                "not-listening: IllegalArgumentException", "datagram: IllegalArgumentException",
                "unix-for-tcp: IllegalArgumentException", "tcp-for-ipc: IllegalArgumentException",
                "listening: through the descriptor", "use-fd-read-back: true", "shared: closed both");
    }

    @Test
    void longSubscriptionPrefixesAreRefused() {
        run(AbortScenario.class, "long-subscription", "subscribe-100000: IllegalArgumentException",
                "unsubscribe-100000: IllegalArgumentException", "subscribe-513: IllegalArgumentException",
                "xsub-subscribe-frame: IllegalArgumentException", "xsub-unsubscribe-frame: IllegalArgumentException",
                "xsub-unsubscribe-message: IllegalArgumentException", "xsub-data-frame: quiet",
                "longest-on-smallest-stack: quiet", "pub-maxmsgsize: 513", "xpub-maxmsgsize: 513",
                "pub-unlimited: IllegalArgumentException", "xpub-larger: IllegalArgumentException", "xpub-smaller: quiet");
    }

    @Test
    void aRemoteSubscriberCannotCrashABrokerWithALongSubscription() {
        runWith(AbortScenario.class, new String[] {"remote-subscription-proxy", "100000"}, "evil-peer: disconnected",
                "broker: alive");
    }

    @Test
    void pendingInprocConnectsNeverReachContextTermination() {
        run(AbortScenario.class, "pending-inproc", "connect-with-full-table: ZmqException", "close-full: quiet",
                "socket-beyond-limit: ZmqException", "limit-2: closed", "two-reps: 20 rounds",
                "later: bound after all", "cycles: 3000");
    }

    @Test
    void inprocPairsTheTypesZmtpPairsAndNeverStealsAnotherSocketsConnect() {
        run(AbortScenario.class, "inproc-types", "pair-binds-for-REP-REP: IllegalArgumentException",
                "pair-binds-for-PAIR-REP: IllegalArgumentException", "pair-binds-for-ROUTER-ROUTER: IllegalArgumentException",
                "pair-binds-for-REQ-PULL: IllegalArgumentException", "req-connects-to-pair: IllegalArgumentException",
                "rep-binds-its-own-connect: IllegalArgumentException", "two-reps-then-dealer: 2 replies",
                "other-waiter: work", "closed-while-not-alone-never-bound: context closed", "rep-disconnects-not-alone: SocketStateException", "rep-disconnects-alone: quiet",
                "reconnected-rep: after", "push-disconnects-not-alone: quiet", "remaining-pusher: from-b",
                "conflate-pending-close: SocketStateException", "conflate-close-then-bind: kept",
                "conflate-pending-disconnect: SocketStateException", "conflate-refused-then-disconnect: ZmqException",
                "conflate-disconnect-then-bind: kept",
                "conflate-bound: latest", "unbind-of-a-pending-connect: quiet", "unbind-then-close-then-bind: quiet");
    }

    @Test
    void socksProxiesAreRefused() {
        run(AbortScenario.class, "socks-proxy", "socks-proxy-0: UnsupportedOperationException",
                "socks-proxy-4: UnsupportedOperationException", "no-proxy: ''");
    }

    @Test
    void streamSocketsRefuseInproc() {
        run(AbortScenario.class, "stream-inproc", "stream-bind-inproc: IllegalArgumentException",
                "stream-connect-inproc: IllegalArgumentException", "stream-tcp: true");
    }
}
