/**
 * ZeroMQ for Java: the real libzmq 4.3 through the Foreign Function and Memory API, no JNI.
 *
 * {@snippet class=dev.zmqffm.snippets.CoreSnippets region=overview}
 *
 * <h2 id="lifetimes">Lifetimes</h2>
 * A {@link dev.zmqffm.Context} owns its {@link dev.zmqffm.Socket}s; a {@link dev.zmqffm.Message}
 * owns one {@code zmq_msg_t}; a {@link dev.zmqffm.Poller}, a {@link dev.zmqffm.SocketMonitor} and
 * a {@link dev.zmqffm.Proxy} own what they started. Each is {@link java.lang.AutoCloseable}: use
 * try-with-resources. Closing is idempotent, and any other call on a closed object throws
 * {@link java.lang.IllegalStateException} (or {@link dev.zmqffm.ContextTerminatedException} for a
 * socket its context closed) before libzmq is called, so a closed handle never reaches native
 * code. Closing a context closes the sockets still open and returns within their linger
 * ({@link dev.zmqffm.Context#DEFAULT_LINGER} unless changed), never hanging on undeliverable
 * messages. Nothing is closed by the garbage collector: terminating a context may wait, which must
 * not happen on a cleaner thread.
 *
 * <h2 id="would-block">Would block, timeouts and interrupts</h2>
 *
 * <p>Every send and receive comes in three forms — blocking (as long as the socket's
 * {@link dev.zmqffm.SocketOptions#SNDTIMEO} / {@link dev.zmqffm.SocketOptions#RCVTIMEO} allow,
 * forever by default), non-blocking ({@code DONT_WAIT}) and timed (a {@link java.time.Duration})
 * — and all of them report "nothing happened" (libzmq's {@code EAGAIN}: would block, or the time
 * ran out) by <b>one rule: in the return value, never as an exception and never as
 * {@code null}</b>. The return type says how:
 * <ul>
 *   <li>{@code boolean} — every send, and {@code receive(Message)}: {@code false};</li>
 *   <li>{@code int}, a frame size — receives into a caller's {@code byte[]},
 *       {@code MemorySegment} or {@code ByteBuffer}: {@code -1};</li>
 *   <li>{@code Optional} — receives that create their result ({@code receiveBytes},
 *       {@code receiveString}, {@code receiveMultipart}), the plain blocking ones included:
 *       empty.</li>
 * </ul>
 * Why: a timeout or a full queue is an expected outcome of a call that was told it may give up,
 * so it is a value the compiler makes you look at, not control flow by exception; {@code null}
 * is never returned because it is the one result the type system cannot warn about; and the
 * forms that reuse caller memory keep a primitive result so a receive loop allocates nothing.
 * The plain blocking receives return {@code Optional} too, because a socket with a receive
 * timeout makes them give up like any other form: {@code receiveString().orElseThrow()} is the
 * idiom when no timeout is set.
 *
 * <p>Durations are saturated, never overflowed: {@link dev.zmqffm.SocketOptions#INFINITE}, and
 * any duration from about 146 years up, means no limit, in every method that takes one. A
 * negative duration is an {@link java.lang.IllegalArgumentException}.
 *
 * <p>A signal that interrupts a native wait ({@code EINTR}) is absorbed: the call continues with
 * what remains of its time. {@link java.lang.Thread#interrupt()} is different: a call that has to
 * wait, on a thread whose interrupt status is set, throws
 * {@link dev.zmqffm.OperationInterruptedException}; the status stays set, nothing was sent or
 * received by that call, and the socket stays usable. A call that finds its frame already there
 * (or room in the queue) completes even if the thread is interrupted, so no message is ever lost
 * to an interrupt. How quickly an interrupt ends a wait that has already started depends on the
 * kind of thread (next section).
 *
 * <h2 id="threads">Threads and virtual threads</h2>
 *
 * <p>A socket may move between threads but is never used by two at once: a second thread gets
 * {@link java.lang.IllegalStateException} instead of corrupting libzmq's state, and so does
 * {@code close()} while another thread is inside (libzmq would abort the process).
 * {@link dev.zmqffm.Context#shutdown()} makes every waiting call, in every thread, end with
 * {@link dev.zmqffm.ContextTerminatedException}.
 *
 * <p>Each send and receive first makes one non-blocking attempt ({@code ZMQ_DONTWAIT}, through a
 * {@code critical} downcall that skips the JVM's thread-state transition and reads or writes a
 * {@code byte[]} in place): a message that is already there costs that one call. Only when it
 * would block does the call wait, and how depends on the calling thread:
 * <ul>
 *   <li><b>Platform thread</b>: the ordinary blocking libzmq call (or {@code zmq_poll} for a
 *       {@code Duration}), exactly as a C program waits, so latency is libzmq's own.
 *       {@code Thread.interrupt()} is checked before the wait starts; once the thread is inside
 *       libzmq's blocking call it cannot be interrupted (the JVM has no way to wake a thread out
 *       of a native call, and waking it by any other means would cost every wait a second
 *       descriptor or a poll). End such waits with a timeout or {@code Context.shutdown()}.</li>
 *   <li><b>Virtual thread</b>: never a blocking native call, which would pin its carrier (the
 *       JVM cannot unmount a virtual thread inside a downcall, and other virtual threads would
 *       starve). The thread drains the socket's pending commands ({@code ZMQ_EVENTS}); if the
 *       wanted event is still missing it registers the socket's {@code ZMQ_FD} with the
 *       binding's reactor — one daemon platform thread in {@code epoll_wait} that only maps
 *       descriptors to waiting threads and unparks them — and parks ({@code parkNanos} for a
 *       timeout). Every wake-up is a hint: the thread checks again. Only the owning thread ever
 *       calls libzmq on its socket; the reactor touches descriptors only. A parked call ends
 *       within microseconds of {@code Thread.interrupt()}, and {@code Context.shutdown()} wakes
 *       it with ETERM. {@link dev.zmqffm.Poller#poll(java.time.Duration)} waits the same way over
 *       all its sockets and descriptors. The price is a few microseconds per wait that actually
 *       parks (the README's performance section has the figures); where there is no epoll
 *       (macOS, Windows) the thread parks in 1 ms slices and re-checks instead — no pinning,
 *       interruptible, but up to 1 ms later.</li>
 * </ul>
 *
 * <p>The critical first attempt is never used where libzmq could release a zero-copy frame made
 * by {@link dev.zmqffm.Message#wrap} inside the call (that release runs a Java callback, which a
 * critical call may not): sockets with an {@code inproc://} endpoint, sockets that sent such a
 * frame and sockets a {@link dev.zmqffm.Proxy} used make ordinary calls from then on.
 *
 * <h2 id="errors">Errors</h2>
 * Every failing libzmq call becomes an exception that carries the {@code errno} captured in the
 * same downcall ({@link dev.zmqffm.ZmqException#errno()}, {@link dev.zmqffm.Errno}); the
 * conditions a program handles differently have their own types:
 * {@link dev.zmqffm.ContextTerminatedException} (the context was shut down or closed),
 * {@link dev.zmqffm.AddressInUseException} (bind),
 * {@link dev.zmqffm.HostUnreachableException} (a ROUTER with
 * {@link dev.zmqffm.SocketOptions#ROUTER_MANDATORY}) and
 * {@link dev.zmqffm.SocketStateException} (a REQ/REP call out of sequence). Misuse that libzmq
 * would answer with {@code abort()} — using a closed socket or message, closing a socket another
 * thread is blocked in, values libzmq does not check — is refused with an ordinary Java exception
 * before libzmq sees it.
 *
 * <h2 id="nullness">Nullness</h2>
 * The package is {@link org.jspecify.annotations.NullMarked @NullMarked}: no parameter accepts
 * {@code null} and no method returns it unless the type says
 * {@link org.jspecify.annotations.Nullable @Nullable}.
 *
 * <h2 id="native-access">Native access</h2>
 * libzmq is called through restricted methods of {@link java.lang.foreign}, so the JVM must grant
 * this module native access: {@code --enable-native-access=dev.zmqffm} on the module path,
 * {@code --enable-native-access=ALL-UNNAMED} on the class path, or the manifest attribute
 * {@code Enable-Native-Access: ALL-UNNAMED} of an executable jar. Without it JDK 24 and later
 * print a warning, and with {@code --illegal-native-access=deny} the first use throws an
 * {@link java.lang.IllegalCallerException} that names the flag to add. libzmq itself is found as
 * {@link dev.zmqffm.Zmq} describes; if it cannot be loaded, or the platform's C data model is not
 * the one the bindings were generated for, the first use throws an
 * {@link java.lang.UnsatisfiedLinkError} that says what was tried and what to do.
 */
@NullMarked
package dev.zmqffm;

import org.jspecify.annotations.NullMarked;
