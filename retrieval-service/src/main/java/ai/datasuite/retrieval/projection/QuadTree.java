package ai.datasuite.retrieval.projection;

import java.util.Arrays;

/**
 * Barnes-Hut quadtree over 2-D points for t-SNE's repulsive forces: a cell far enough away (its width over the
 * distance to its centre of mass below theta) acts as one point of its total mass. Built once per iteration in point
 * order (so the same points give the same tree); read-only while the rows' forces are computed in parallel.
 */
final class QuadTree {

    private static final int MAX_DEPTH = 48;

    private final float[] y;
    private float[] cx = new float[64];
    private float[] cy = new float[64];
    private float[] half = new float[64];
    private float[] massX = new float[64];
    private float[] massY = new float[64];
    private int[] count = new int[64];
    /** First child (four in a row), or -1 for a leaf. */
    private int[] child = new int[64];
    /** The point of a leaf holding one point (or the first of coincident points at the depth limit), else -1. */
    private int[] point = new int[64];
    private int[] depth = new int[64];
    private int nodes;

    QuadTree(float[] y, int n) {
        this.y = y;
        float minX = Float.MAX_VALUE;
        float minY = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        float maxY = -Float.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, y[2 * i]);
            maxX = Math.max(maxX, y[2 * i]);
            minY = Math.min(minY, y[2 * i + 1]);
            maxY = Math.max(maxY, y[2 * i + 1]);
        }
        float h = Math.max(maxX - minX, maxY - minY) / 2 + 1e-5f;
        newNode((minX + maxX) / 2, (minY + maxY) / 2, h, 0);
        for (int i = 0; i < n; i++) {
            insert(i);
        }
    }

    private int newNode(float x, float yc, float h, int d) {
        if (nodes == cx.length) {
            int size = nodes * 2;
            cx = Arrays.copyOf(cx, size);
            cy = Arrays.copyOf(cy, size);
            half = Arrays.copyOf(half, size);
            massX = Arrays.copyOf(massX, size);
            massY = Arrays.copyOf(massY, size);
            count = Arrays.copyOf(count, size);
            child = Arrays.copyOf(child, size);
            point = Arrays.copyOf(point, size);
            depth = Arrays.copyOf(depth, size);
        }
        int at = nodes++;
        cx[at] = x;
        cy[at] = yc;
        half[at] = h;
        massX[at] = 0;
        massY[at] = 0;
        count[at] = 0;
        child[at] = -1;
        point[at] = -1;
        depth[at] = d;
        return at;
    }

    private void insert(int i) {
        float px = y[2 * i];
        float py = y[2 * i + 1];
        int node = 0;
        while (true) {
            if (child[node] < 0) {
                if (count[node] == 0) {
                    add(node, px, py);
                    point[node] = i;
                    return;
                }
                if (depth[node] >= MAX_DEPTH) {
                    add(node, px, py); // coincident points share a leaf
                    return;
                }
                split(node);
            }
            add(node, px, py);
            node = child[node] + quadrant(node, px, py);
        }
    }

    private void split(int node) {
        float h = half[node] / 2;
        int first = -1;
        for (int q = 0; q < 4; q++) {
            int c = newNode(cx[node] + ((q & 1) == 0 ? -h : h), cy[node] + ((q & 2) == 0 ? -h : h), h,
                    depth[node] + 1);
            if (q == 0) {
                first = c;
            }
        }
        child[node] = first;
        // Move the leaf's points (one, or coincident ones) down into their child.
        int old = point[node];
        point[node] = -1;
        int target = first + quadrant(node, y[2 * old], y[2 * old + 1]);
        massX[target] = massX[node];
        massY[target] = massY[node];
        count[target] = count[node];
        point[target] = old;
    }

    private void add(int node, float px, float py) {
        massX[node] += px;
        massY[node] += py;
        count[node]++;
    }

    private int quadrant(int node, float px, float py) {
        return (px < cx[node] ? 0 : 1) + (py < cy[node] ? 0 : 2);
    }

    /**
     * Adds point {@code i}'s unnormalised repulsive force (sum of q² (y_i - y_j)) into {@code out[0..1]} and returns
     * its share of Z (sum of q over j != i).
     */
    float repulsion(int i, float theta, int[] stack, float[] out) {
        float px = y[2 * i];
        float py = y[2 * i + 1];
        float theta2 = theta * theta;
        float z = 0;
        float f0 = 0;
        float f1 = 0;
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            int c = count[node];
            if (c == 0) {
                continue;
            }
            float mx = massX[node] / c;
            float my = massY[node] / c;
            float d0 = px - mx;
            float d1 = py - my;
            float d2 = d0 * d0 + d1 * d1;
            boolean leaf = child[node] < 0;
            float w = 2 * half[node];
            if (leaf || w * w < theta2 * d2) {
                if (leaf && point[node] == i) {
                    c -= 1; // the point itself (and coincident ones counted at its place)
                    if (c == 0) {
                        continue;
                    }
                }
                float q = 1f / (1f + d2);
                z += c * q;
                float qq = c * q * q;
                f0 += qq * d0;
                f1 += qq * d1;
            } else {
                if (top + 4 > stack.length) {
                    throw new IllegalStateException("Quadtree deeper than its stack");
                }
                int first = child[node];
                for (int q = 3; q >= 0; q--) {
                    stack[top++] = first + q;
                }
            }
        }
        out[0] = f0;
        out[1] = f1;
        return z;
    }

    static int stackSize() {
        return 4 * MAX_DEPTH + 8;
    }
}
