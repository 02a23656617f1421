/**
 * ZeroMQ for Java: the real libzmq 4.3 through the Foreign Function and Memory API, no JNI.
 *
 * <pre>{@code
 * try (Context ctx = Context.create();
 *      Socket rep = ctx.socket(SocketType.REP);
 *      Socket req = ctx.socket(SocketType.REQ)) {
 *     rep.bind("tcp://127.0.0.1:*");
 *     req.connect(rep.get(SocketOptions.LAST_ENDPOINT));
 *     req.send("hello");
 *     rep.send(rep.receiveString().orElseThrow().toUpperCase());
 *     System.out.println(req.receiveString().orElseThrow());   // HELLO
 * }
 * }</pre>
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
 * <h2 id="threads">Threads</h2>
 * A context may be shared by any number of threads. A socket may be used by one thread at a time:
 * a second thread entering one that is in use (a poller or proxy counts as inside its sockets)
 * gets an {@link java.lang.IllegalStateException} instead of the memory corruption or abort
 * libzmq would give it. A message belongs to the thread that created it
 * ({@link java.lang.WrongThreadException} elsewhere).
 * To stop threads blocked on sockets, shut their context down ({@link dev.zmqffm.Context#shutdown()}):
 * their calls end with {@link dev.zmqffm.ContextTerminatedException}.
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
