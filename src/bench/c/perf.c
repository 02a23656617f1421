/*
 * libzmq driven from C: the baseline zmq-ffm is compared with, in the style of libzmq's
 * local_thr/remote_thr/local_lat/remote_lat, with both sides in one process (two threads) so
 * inproc works too:
 *
 *   perf thr|lat ENDPOINT SIZE COUNT WARMUP msg|buf
 *
 * "msg" uses zmq_msg_init_size/zmq_msg_send/zmq_msg_recv like libzmq's own perf tools; "buf"
 * uses zmq_send/zmq_recv with a buffer, the closest C equivalent of a byte[] API. Prints
 * RESULT kind=... api=... size=... count=... value=... (msg/s, or one-way latency in us).
 */
#include <zmq.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void *ctx;
static char bound[256];
static int size, count, warmup, use_msg, throughput;
/* The PUSH side closes only after everything arrived: libzmq 4.3 can drop the last queued
   messages when a socket closes right after sending over ipc, linger or not (libzmq #4660). */
static sem_t all_received;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void check(int rc, const char *what)
{
    if (rc < 0) {
        fprintf(stderr, "%s: %s\n", what, zmq_strerror(zmq_errno()));
        exit(1);
    }
}

static void *peer(void *server)
{
    char *buf = malloc(size > 0 ? size : 1);
    if (throughput) {
        void *push = zmq_socket(ctx, ZMQ_PUSH);
        int linger = -1;
        zmq_setsockopt(push, ZMQ_LINGER, &linger, sizeof linger);
        check(zmq_connect(push, bound), "connect");
        for (int i = 0; i < warmup + count; i++) {
            if (use_msg) {
                zmq_msg_t msg;
                check(zmq_msg_init_size(&msg, size), "init");
                check(zmq_msg_send(&msg, push, 0), "send");
            } else {
                check(zmq_send(push, buf, size, 0), "send");
            }
        }
        sem_wait(&all_received);
        zmq_close(push);
    } else {
        zmq_msg_t msg;
        zmq_msg_init(&msg);
        for (int i = 0; i < warmup + count; i++) {
            if (use_msg) {
                check(zmq_msg_recv(&msg, server, 0), "recv");
                check(zmq_msg_send(&msg, server, 0), "send");
            } else {
                int n = zmq_recv(server, buf, size, 0);
                check(n, "recv");
                check(zmq_send(server, buf, n, 0), "send");
            }
        }
        zmq_msg_close(&msg);
    }
    free(buf);
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc != 7) {
        fprintf(stderr, "usage: perf thr|lat ENDPOINT SIZE COUNT WARMUP msg|buf\n");
        return 2;
    }
    throughput = strcmp(argv[1], "thr") == 0;
    size = atoi(argv[3]);
    count = atoi(argv[4]);
    warmup = atoi(argv[5]);
    use_msg = strcmp(argv[6], "msg") == 0;
    ctx = zmq_ctx_new();
    void *server = zmq_socket(ctx, throughput ? ZMQ_PULL : ZMQ_REP);
    check(zmq_bind(server, argv[2]), "bind");
    size_t len = sizeof bound;
    zmq_getsockopt(server, ZMQ_LAST_ENDPOINT, bound, &len);

    sem_init(&all_received, 0, 0);
    pthread_t thread;
    pthread_create(&thread, NULL, peer, server);
    char *buf = malloc(size > 0 ? size : 1);
    double start = 0;
    if (throughput) {
        zmq_msg_t msg;
        zmq_msg_init(&msg);
        for (int i = 0; i < warmup + count; i++) {
            if (i == warmup)
                start = now();
            if (use_msg) {
                check(zmq_msg_recv(&msg, server, 0), "recv");
                if ((int) zmq_msg_size(&msg) != size) { fprintf(stderr, "wrong size\n"); return 1; }
            } else {
                int n = zmq_recv(server, buf, size, 0);
                check(n, "recv");
                if (n != size) { fprintf(stderr, "wrong size\n"); return 1; }
            }
        }
        double elapsed = now() - start;
        sem_post(&all_received);
        zmq_msg_close(&msg);
        printf("RESULT kind=thr api=%s size=%d count=%d value=%.1f\n", argv[6], size, count, count / elapsed);
    } else {
        void *req = zmq_socket(ctx, ZMQ_REQ);
        check(zmq_connect(req, bound), "connect");
        zmq_msg_t msg;
        zmq_msg_init(&msg);
        for (int i = 0; i < warmup + count; i++) {
            if (i == warmup)
                start = now();
            if (use_msg) {
                zmq_msg_close(&msg);
                check(zmq_msg_init_size(&msg, size), "init");
                check(zmq_msg_send(&msg, req, 0), "send");
                check(zmq_msg_recv(&msg, req, 0), "recv");
            } else {
                check(zmq_send(req, buf, size, 0), "send");
                check(zmq_recv(req, buf, size, 0), "recv");
            }
        }
        double elapsed = now() - start;
        zmq_msg_close(&msg);
        zmq_close(req);
        printf("RESULT kind=lat api=%s size=%d count=%d value=%.3f\n", argv[6], size, count,
               elapsed * 1e6 / count / 2);
    }
    fflush(stdout);
    pthread_join(thread, NULL);
    free(buf);
    zmq_close(server);
    zmq_ctx_term(ctx);
    return 0;
}
