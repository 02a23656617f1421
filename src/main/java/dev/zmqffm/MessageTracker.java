package dev.zmqffm;

import dev.zmqffm.internal.FreeCallback;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tells when libzmq has let go of memory a {@link Message} wraps without copying.
 *
 * {@snippet class=dev.zmqffm.snippets.MessagingSnippets region=message-tracker}
 *
 * <p>libzmq releases the buffer once it has written it to the network (tcp, ipc) or once the
 * receiver has closed its message (inproc), on one of its own threads; the tracker records that
 * exactly once.
 */
public final class MessageTracker {
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicInteger releases = new AtomicInteger();

    MessageTracker() {
    }

    static MessageTracker completed() {
        MessageTracker t = new MessageTracker();
        t.release();
        return t;
    }

    FreeCallback.Release listener() {
        return this::release;
    }

    private void release() {
        releases.incrementAndGet();
        done.countDown();
    }

    /** {@return whether libzmq has released the wrapped memory} */
    public boolean isDone() {
        return done.getCount() == 0;
    }

    /**
     * Waits until libzmq has released the wrapped memory.
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public void await() throws InterruptedException {
        done.await();
    }

    /**
     * Waits at most {@code timeout} for the release.
     *
     * @param timeout longest wait; zero just checks
     * @return whether the memory was released
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public boolean await(Duration timeout) throws InterruptedException {
        return done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** {@return how many times libzmq released the memory: 0 before, 1 after — never more} */
    public int releaseCount() {
        return releases.get();
    }
}
