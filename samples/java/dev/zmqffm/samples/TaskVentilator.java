package dev.zmqffm.samples;

import dev.zmqffm.Context;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketType;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Pipeline, part 1: pushes tasks (a workload in milliseconds each) to the workers, load-balanced
 * by PUSH, after telling the sink how many to expect.
 *
 * <pre>
 * scripts/sample task-ventilator [tasks] [workers-endpoint] [sink-endpoint]
 *                                 # 100, tcp://*:5557, tcp://localhost:5558
 * </pre>
 */
public final class TaskVentilator {
    private TaskVentilator() {}

    public static void main(String[] args) throws InterruptedException {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        String workers = args.length > 1 ? args[1] : "tcp://*:5557";
        String sinkEndpoint = args.length > 2 ? args[2] : "tcp://localhost:5558";
        try (Context ctx = Context.create();
             Socket sender = ctx.socket(SocketType.PUSH);
             Socket sink = ctx.socket(SocketType.PUSH)) {
            sender.bind(workers);
            sink.connect(sinkEndpoint);
            // Give workers a moment to connect, or the first one gets every task.
            Thread.sleep(1000);
            sink.send(Integer.toString(tasks));            // the batch starts
            long expected = 0;
            for (int i = 0; i < tasks; i++) {
                int workload = ThreadLocalRandom.current().nextInt(1, 20);
                expected += workload;
                sender.send(Integer.toString(workload));
            }
            System.out.println("sent " + tasks + " tasks, " + expected + " ms of work in total");
        }
    }
}
