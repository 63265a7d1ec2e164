/* palette.c — bloc colours: a qualitative palette without greens and reds (the picture's edges
 * use them for backing and fighting), then one grey for everything else. */
#include "palette.h"

#include <stdio.h>

/* Tableau's categorical colours without its green, red and grey, and four darker or lighter
 * hues that stay apart from them. */
static const qp_rgb palette[QP_PALETTE_SIZE] = {
    {31, 119, 180},  /* blue */
    {255, 127, 14},  /* orange */
    {148, 103, 189}, /* purple */
    {23, 190, 207},  /* cyan */
    {140, 86, 75},   /* brown */
    {227, 119, 194}, /* pink */
    {188, 189, 34},  /* olive */
    {57, 59, 121},   /* indigo */
    {242, 183, 1},   /* gold */
    {0, 128, 128},   /* teal */
};
static const qp_rgb grey = {176, 176, 176};

qp_rgb qp_bloc_rgb(int b, size_t n_shared, int *other)
{
    int own = b >= 0 && (size_t)b < n_shared && b < QP_PALETTE_SIZE;
    if (other)
        *other = !own;
    return own ? palette[b] : grey;
}

void qp_bloc_hex(int b, size_t n_shared, char out[8], int *other)
{
    qp_rgb c = qp_bloc_rgb(b, n_shared, other);
    snprintf(out, 8, "#%02x%02x%02x", c.r, c.g, c.b);
}
