package dev.zmqffm.testing;

import dev.zmqffm.Context;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh {@link Context} per test, closed after it (closing also closes leftover sockets). */
public abstract class WithContext {
    /** The test's context. */
    protected Context ctx;

    @BeforeEach
    protected void openContext() {
        ctx = Context.create();
    }

    @AfterEach
    protected void closeContext() {
        ctx.close();
    }
}
