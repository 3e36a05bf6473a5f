/*
 * Replays a CS:APP malloc-lab .rep trace through the C library's malloc, free and
 * realloc, for `npm run bench`. Reading the file is not timed. The trace is played
 * twice in this process: the first pass touches the pages and warms the allocator,
 * everything still live is freed, and the second pass is timed, in CPU time (what the
 * process ran, whatever else the machine runs) and wall time. Prints one line:
 * "<ops> <cpu seconds> <ops per cpu second> <live at end> <wall seconds>".
 */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct { char kind; int id; size_t size; } op_t;

static double now(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int read_trace(const char *path, op_t **ops_out, long *n_ops, long *n_ids) {
    FILE *f = fopen(path, "r");
    if (!f) { perror(path); return -1; }
    long heap, ids, ops, weight;
    if (fscanf(f, "%ld %ld %ld %ld", &heap, &ids, &ops, &weight) != 4) { fprintf(stderr, "%s: bad header\n", path); fclose(f); return -1; }
    op_t *list = malloc(sizeof(op_t) * (size_t)(ops > 0 ? ops : 1));
    for (long i = 0; i < ops; i++) {
        char kind[2];
        if (fscanf(f, "%1s", kind) != 1) { fprintf(stderr, "%s: op %ld missing\n", path, i); fclose(f); return -1; }
        list[i].kind = kind[0];
        if (kind[0] == 'f') {
            if (fscanf(f, "%d", &list[i].id) != 1) { fclose(f); return -1; }
            list[i].size = 0;
        } else {
            long size;
            if (fscanf(f, "%d %ld", &list[i].id, &size) != 2) { fclose(f); return -1; }
            list[i].size = (size_t)size;
        }
    }
    fclose(f);
    *ops_out = list;
    *n_ops = ops;
    *n_ids = ids;
    return 0;
}

static void play(const op_t *ops, long n, void **ptrs) {
    for (long i = 0; i < n; i++) {
        const op_t *o = &ops[i];
        switch (o->kind) {
        case 'a': ptrs[o->id] = malloc(o->size); break;
        case 'r': ptrs[o->id] = realloc(ptrs[o->id], o->size); break;
        case 'f': if (o->id >= 0) { free(ptrs[o->id]); ptrs[o->id] = NULL; } break;
        }
    }
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: %s trace.rep\n", argv[0]); return 2; }
    op_t *ops; long n, ids;
    if (read_trace(argv[1], &ops, &n, &ids) != 0) return 1;
    void **ptrs = calloc((size_t)(ids > 0 ? ids : 1), sizeof(void *));
    play(ops, n, ptrs);
    for (long i = 0; i < ids; i++) { free(ptrs[i]); ptrs[i] = NULL; }
    double w0 = now(CLOCK_MONOTONIC);
    double t0 = now(CLOCK_PROCESS_CPUTIME_ID);
    play(ops, n, ptrs);
    double t1 = now(CLOCK_PROCESS_CPUTIME_ID);
    double w1 = now(CLOCK_MONOTONIC);
    /* Use the pointers so no pass can be optimised away. */
    size_t live = 0;
    for (long i = 0; i < ids; i++) live += ptrs[i] != NULL;
    printf("%ld %.9f %.1f %zu %.9f\n", n, t1 - t0, (double)n / (t1 - t0), live, w1 - w0);
    return 0;
}
