package dev.zmqffm.samples;

import dev.zmqffm.Context;
import dev.zmqffm.ContextTerminatedException;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketType;

/**
 * Pipeline, part 2: pulls tasks, "works" for the given milliseconds, pushes a result to the sink.
 * Start as many as you like; runs until Ctrl-C.
 *
 * <pre>
 * scripts/sample task-worker [ventilator-endpoint] [sink-endpoint]   # tcp://localhost:5557, :5558
 * </pre>
 */
public final class TaskWorker {
    private TaskWorker() {}

    public static void main(String[] args) throws InterruptedException {
        String tasks = args.length > 0 ? args[0] : "tcp://localhost:5557";
        String results = args.length > 1 ? args[1] : "tcp://localhost:5558";
        try (Context ctx = Context.create();
             Socket receiver = ctx.socket(SocketType.PULL);
             Socket sender = ctx.socket(SocketType.PUSH)) {
            Shutdown.onSignal(ctx);
            receiver.connect(tasks);
            sender.connect(results);
            while (true) {
                int workload = Integer.parseInt(receiver.receiveString().orElseThrow());
                Thread.sleep(workload);
                sender.send(Integer.toString(workload));
            }
        } catch (ContextTerminatedException stopping) {
            System.err.println("task-worker: stopped");
        }
    }
}
