/*
 * spandsp_driver: run spandsp 0.0.6's dtmf_rx (default parameters) over raw
 * signed 16-bit little-endian 8 kHz mono audio.
 *
 *   spandsp_driver FILE...        one line per file: "<basename> <digits>" ("-" = none)
 *   spandsp_driver -              read stdin, print the digits
 *   spandsp_driver --bench FILE N decode FILE N times in-process, print samples/s
 *
 * Build: gcc -O2 -o spandsp_driver spandsp_driver.c -lspandsp -lm
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <spandsp.h>

typedef struct {
    char *digits;
    size_t len;
    size_t cap;
} collector_t;

static void digits_cb(void *user_data, const char *digits, int len)
{
    collector_t *c = (collector_t *) user_data;
    if (c == NULL || len <= 0)
        return;
    if (c->len + (size_t) len + 1 > c->cap) {
        size_t cap = (c->cap + (size_t) len + 1) * 2;
        char *p = realloc(c->digits, cap);
        if (p == NULL)
            return;
        c->digits = p;
        c->cap = cap;
    }
    memcpy(c->digits + c->len, digits, (size_t) len);
    c->len += (size_t) len;
    c->digits[c->len] = '\0';
}

static int16_t *read_all(FILE *f, size_t *count)
{
    size_t cap = 1 << 16, len = 0;
    uint8_t *buf = malloc(cap);
    if (buf == NULL)
        return NULL;
    for (;;) {
        if (len == cap) {
            uint8_t *p = realloc(buf, cap * 2);
            if (p == NULL) { free(buf); return NULL; }
            buf = p;
            cap *= 2;
        }
        size_t n = fread(buf + len, 1, cap - len, f);
        if (n == 0)
            break;
        len += n;
    }
    size_t samples = len / 2;
    int16_t *out = malloc((samples + 1) * sizeof(int16_t));
    if (out == NULL) { free(buf); return NULL; }
    for (size_t i = 0; i < samples; i++)
        out[i] = (int16_t) (uint16_t) (buf[2 * i] | (buf[2 * i + 1] << 8));
    free(buf);
    *count = samples;
    return out;
}

/* Decode with default parameters; returns the digits (caller frees). */
static char *decode(const int16_t *amp, size_t n)
{
    collector_t c = {NULL, 0, 0};
    dtmf_rx_state_t *s = dtmf_rx_init(NULL, digits_cb, &c);
    if (s == NULL)
        return NULL;
    for (size_t i = 0; i < n; i += 160) {
        int chunk = (int) ((n - i) < 160 ? (n - i) : 160);
        dtmf_rx(s, amp + i, chunk);
    }
    dtmf_rx_free(s);
    if (c.digits == NULL) {
        c.digits = malloc(1);
        if (c.digits != NULL)
            c.digits[0] = '\0';
    }
    return c.digits;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

int main(int argc, char **argv)
{
    if (argc >= 4 && strcmp(argv[1], "--bench") == 0) {
        FILE *f = fopen(argv[2], "rb");
        if (f == NULL) { perror(argv[2]); return 1; }
        size_t n = 0;
        int16_t *amp = read_all(f, &n);
        fclose(f);
        long reps = strtol(argv[3], NULL, 10);
        if (amp == NULL || n == 0 || reps <= 0) { fprintf(stderr, "bad input\n"); return 1; }
        size_t total_digits = 0;
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        for (long r = 0; r < reps; r++) {
            char *d = decode(amp, n);
            if (d) { total_digits += strlen(d); free(d); }
        }
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double secs = (double) (t1.tv_sec - t0.tv_sec) + (double) (t1.tv_nsec - t0.tv_nsec) * 1e-9;
        printf("%.0f samples/s (%zu digits, %ld reps of %zu samples, %.3f s)\n",
               (double) n * (double) reps / secs, total_digits, reps, n, secs);
        free(amp);
        return 0;
    }
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE... | - | --bench FILE N\n", argv[0]);
        return 2;
    }
    for (int i = 1; i < argc; i++) {
        FILE *f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "rb");
        if (f == NULL) { perror(argv[i]); continue; }
        size_t n = 0;
        int16_t *amp = read_all(f, &n);
        if (f != stdin)
            fclose(f);
        if (amp == NULL) { fprintf(stderr, "%s: read failed\n", argv[i]); continue; }
        char *d = decode(amp, n);
        printf("%s %s\n", base_name(argv[i]), (d && d[0]) ? d : "-");
        free(d);
        free(amp);
    }
    return 0;
}
