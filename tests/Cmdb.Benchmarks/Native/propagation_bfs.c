/*
 * Plain C breadth-first closures over the impact engine's propagation rows, to tell layout (node numbering) from
 * per-entry work. Not part of the build: a diagnostic for docs/benchmarks.md ("Impact engine: session 10").
 *
 *   CMDB_TRAVERSAL_DUMP=/tmp/rows.bin Cmdb.Benchmarks traversal --cis 1000000 --no-sqlite   (writes the rows, exits)
 *   gcc -O2 -march=native -o propagation_bfs propagation_bfs.c && ./propagation_bfs /tmp/rows.bin
 *   ./propagation_bfs --sequential 52212 3     (a closure numbered in visiting order: every branch predictable)
 *
 * Dump layout (little-endian int32): n, m, Start[n+1], Entry[m], ToPublic[n], reference count, local start per reference.
 * Per closure and layout: median / min thread CPU per closure (41 batches of >= 0.4 ms), and the distinct 64-byte
 * lines of the visited array, of the row starts and of the entries that one closure touches.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct { int n, m; int *start, *entry; } Rows;

static int *stamp, *queue, generation;

static double cpu_now(void) { struct timespec t; clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t); return t.tv_sec + t.tv_nsec * 1e-9; }

/* Branch on "seen?" per entry: the .NET floor (PropagationBfs) in C. */
static int closure(const Rows *g, int s)
{
    int gen = ++generation, head = 0, tail = 1;
    queue[0] = s; stamp[s] = gen;
    while (head < tail) {
        int u = queue[head++];
        for (int i = g->start[u]; i < g->start[u + 1]; i++) {
            int v = g->entry[i] & 0xFFFFFF;
            if (stamp[v] == gen) continue;
            stamp[v] = gen; queue[tail++] = v;
        }
    }
    return tail;
}

/* Every entry writes the next queue slot; the tail moves by 0 or 1. */
static int closure_branch_free(const Rows *g, int s)
{
    int gen = ++generation, head = 0, tail = 1;
    queue[0] = s; stamp[s] = gen;
    while (head < tail) {
        int u = queue[head++];
        for (int i = g->start[u]; i < g->start[u + 1]; i++) {
            int v = g->entry[i] & 0xFFFFFF, *sv = &stamp[v];
            queue[tail] = v; tail += *sv != gen; *sv = gen;
        }
    }
    return tail;
}

/* Heads with consecutive numbers read as one range of entries (as the engine's WalkFast does). */
static int closure_runs(const Rows *g, int s)
{
    int gen = ++generation, head = 0, tail = 1;
    queue[0] = s; stamp[s] = gen;
    while (head < tail) {
        int u = queue[head], last = head;
        while (last + 1 < tail && queue[last + 1] == u + (last + 1 - head)) last++;
        int end = g->start[u + (last - head) + 1];
        head = last + 1;
        for (int i = g->start[u]; i < end; i++) {
            int v = g->entry[i] & 0xFFFFFF;
            if (stamp[v] == gen) continue;
            stamp[v] = gen; queue[tail++] = v;
        }
    }
    return tail;
}

static int cmp_double(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return x < y ? -1 : x > y; }

static void lines(const Rows *g, int s, int *visited, int *starts, int *entries)
{
    char *a = calloc(g->n / 16 + 2, 1), *b = calloc(g->m / 16 + 2, 1);
    int c = closure(g, s);
    *visited = *starts = *entries = 0;
    for (int k = 0; k < c; k++) {
        int u = queue[k];
        if (!a[u >> 4]) { a[u >> 4] = 1; ++*visited; }
        for (int i = g->start[u]; i < g->start[u + 1]; i++) if (!b[i >> 4]) { b[i >> 4] = 1; ++*entries; }
    }
    *starts = *visited; /* one int per node in both arrays, same numbering */
    free(a); free(b);
}

static void measure(const char *name, int (*walk)(const Rows *, int), const Rows *g, const int *refs, int count)
{
    printf("%-22s", name);
    for (int r = 0; r < count; r++) {
        int reached = walk(g, refs[r]);
        double t0 = cpu_now(); walk(g, refs[r]); double one = cpu_now() - t0;
        int reps = (int)(0.0004 / (one > 1e-7 ? one : 1e-7)); if (reps < 1) reps = 1;
        double t[41];
        for (int k = 0; k < 41; k++) { double a = cpu_now(); for (int j = 0; j < reps; j++) walk(g, refs[r]); t[k] = (cpu_now() - a) / reps; }
        qsort(t, 41, sizeof t[0], cmp_double);
        int lv, ls, le; lines(g, refs[r], &lv, &ls, &le);
        printf(" | %7d %9.2f us (min %9.2f) lines %5d/%5d", reached, t[20] * 1e6, t[0] * 1e6, lv, le);
    }
    printf("\n"); fflush(stdout);
}

/* The rows renumbered so that old node order[k] becomes k. */
static Rows renumber(const Rows *g, const int *order, int *to_new)
{
    Rows h = { g->n, g->m, malloc((g->n + 1) * sizeof(int)), malloc(g->m * sizeof(int)) };
    for (int k = 0; k < g->n; k++) to_new[order[k]] = k;
    h.start[0] = 0;
    for (int k = 0; k < g->n; k++) {
        int u = order[k], d = g->start[u + 1] - g->start[u];
        h.start[k + 1] = h.start[k] + d;
        for (int j = 0; j < d; j++) { int e = g->entry[g->start[u] + j]; h.entry[h.start[k] + j] = (e & ~0xFFFFFF) | to_new[e & 0xFFFFFF]; }
    }
    return h;
}

static void all(const char *layout, const Rows *g, const int *refs, int count)
{
    char name[64];
    snprintf(name, sizeof name, "%s, branch", layout); measure(name, closure, g, refs, count);
    snprintf(name, sizeof name, "%s, branch-free", layout); measure(name, closure_branch_free, g, refs, count);
    snprintf(name, sizeof name, "%s, runs", layout); measure(name, closure_runs, g, refs, count);
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "--sequential") == 0) {
        int n = atoi(argv[2]), d = atoi(argv[3]);
        Rows g = { n, n * d, malloc((n + 1) * sizeof(int)), malloc((size_t)n * d * sizeof(int)) };
        for (int u = 0; u <= n; u++) g.start[u] = u * d;
        for (int u = 0; u < n; u++) for (int k = 0; k < d; k++) g.entry[u * d + k] = (u + 1 + k) % n;
        stamp = calloc(n, sizeof(int)); queue = malloc((n + 1) * sizeof(int));
        int refs[1] = { 0 };
        all("sequential", &g, refs, 1);
        return 0;
    }
    if (argc < 2) { fprintf(stderr, "usage: %s ROWS.bin | --sequential N DEGREE\n", argv[0]); return 2; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 1; }
    Rows g;
    int count, refs[16];
    if (fread(&g.n, 4, 1, f) != 1 || fread(&g.m, 4, 1, f) != 1) return 1;
    g.start = malloc((g.n + 1) * sizeof(int)); g.entry = malloc(g.m * sizeof(int));
    int *to_public = malloc(g.n * sizeof(int));
    if (fread(g.start, 4, g.n + 1, f) != (size_t)g.n + 1 || fread(g.entry, 4, g.m, f) != (size_t)g.m
        || fread(to_public, 4, g.n, f) != (size_t)g.n || fread(&count, 4, 1, f) != 1 || count > 16
        || fread(refs, 4, count, f) != (size_t)count) { fprintf(stderr, "short dump\n"); return 1; }
    fclose(f);
    stamp = calloc(g.n, sizeof(int)); queue = malloc((g.n + 1) * sizeof(int));
    printf("%d nodes, %d entries; columns: the dump's references in order\n", g.n, g.m);

    all("local (as built)", &g, refs, count);

    int *order = malloc(g.n * sizeof(int)), *to_new = malloc(g.n * sizeof(int)), moved[16];
    for (int k = 0; k < g.n; k++) order[to_public[k]] = k; /* public order */
    Rows pub = renumber(&g, order, to_new);
    for (int r = 0; r < count; r++) moved[r] = to_new[refs[r]];
    all("public", &pub, moved, count);

    /* Best case for one closure: reference r's closure first, in its own breadth-first order, then the rest as built. */
    char *in = malloc(g.n);
    for (int first = 1; first < count; first++) {
        memset(in, 0, g.n);
        int c = closure(&g, refs[first]), t = c;
        for (int k = 0; k < c; k++) { order[k] = queue[k]; in[queue[k]] = 1; }
        for (int k = 0; k < g.n; k++) if (!in[k]) order[t++] = k;
        Rows h = renumber(&g, order, to_new);
        for (int r = 0; r < count; r++) moved[r] = to_new[refs[r]];
        char name[32]; snprintf(name, sizeof name, "ref %d first", first);
        all(name, &h, moved, count);
        free(h.start); free(h.entry);
    }
    return 0;
}
