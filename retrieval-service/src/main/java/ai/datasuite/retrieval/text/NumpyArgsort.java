package ai.datasuite.retrieval.text;

/**
 * NumPy's default {@code argsort} ({@code kind="quicksort"}: an introsort, {@code npysort/quicksort.cpp}, NumPy 1.24)
 * for doubles. It is not stable, and scikit-learn's {@code max_features} keeps the first {@code limit} indices it
 * returns, so ties at the cut can only be broken as scikit-learn breaks them by doing the very same swaps.
 */
final class NumpyArgsort {

    private static final int SMALL_QUICKSORT = 15;
    private static final int STACK = 128;

    private NumpyArgsort() {
    }

    static int[] argsort(double[] v) {
        int num = v.length;
        int[] tosort = new int[num];
        for (int i = 0; i < num; i++) {
            tosort[i] = i;
        }
        if (num < 2) {
            return tosort;
        }
        int pl = 0;
        int pr = num - 1;
        int[] stack = new int[STACK];
        int sptr = 0;
        int[] depth = new int[STACK];
        int psdepth = 0;
        int cdepth = (31 - Integer.numberOfLeadingZeros(num)) * 2;
        for (;;) {
            boolean heap = cdepth < 0;
            if (heap) {
                heapsort(v, tosort, pl, pr - pl + 1);
            } else {
                while (pr - pl > SMALL_QUICKSORT) {
                    int pm = pl + ((pr - pl) >> 1);
                    if (less(v[tosort[pm]], v[tosort[pl]])) {
                        swap(tosort, pm, pl);
                    }
                    if (less(v[tosort[pr]], v[tosort[pm]])) {
                        swap(tosort, pr, pm);
                    }
                    if (less(v[tosort[pm]], v[tosort[pl]])) {
                        swap(tosort, pm, pl);
                    }
                    double vp = v[tosort[pm]];
                    int pi = pl;
                    int pj = pr - 1;
                    swap(tosort, pm, pj);
                    for (;;) {
                        do {
                            ++pi;
                        } while (less(v[tosort[pi]], vp));
                        do {
                            --pj;
                        } while (less(vp, v[tosort[pj]]));
                        if (pi >= pj) {
                            break;
                        }
                        swap(tosort, pi, pj);
                    }
                    int pk = pr - 1;
                    swap(tosort, pi, pk);
                    // Push the larger partition, continue with the smaller.
                    if (pi - pl < pr - pi) {
                        stack[sptr++] = pi + 1;
                        stack[sptr++] = pr;
                        pr = pi - 1;
                    } else {
                        stack[sptr++] = pl;
                        stack[sptr++] = pi - 1;
                        pl = pi + 1;
                    }
                    depth[psdepth++] = --cdepth;
                }
                for (int pi = pl + 1; pi <= pr; ++pi) {
                    int vi = tosort[pi];
                    double vv = v[vi];
                    int pj = pi;
                    int pk = pi - 1;
                    while (pj > pl && less(vv, v[tosort[pk]])) {
                        tosort[pj--] = tosort[pk--];
                    }
                    tosort[pj] = vi;
                }
            }
            if (sptr == 0) {
                break;
            }
            pr = stack[--sptr];
            pl = stack[--sptr];
            cdepth = depth[--psdepth];
        }
        return tosort;
    }

    /** NumPy's {@code aheapsort_} on {@code tosort[offset, offset + n)} (1-based heap indexing as in the C code). */
    private static void heapsort(double[] v, int[] tosort, int offset, int n) {
        int base = offset - 1;
        for (int l = n >> 1; l > 0; --l) {
            siftDown(v, tosort, base, tosort[base + l], l, n);
        }
        while (n > 1) {
            int tmp = tosort[base + n];
            tosort[base + n] = tosort[base + 1];
            n -= 1;
            siftDown(v, tosort, base, tmp, 1, n);
        }
    }

    /** Moves {@code tmp} down from position {@code i} of the 1-based heap {@code tosort[base + 1..base + n]}. */
    private static void siftDown(double[] v, int[] tosort, int base, int tmp, int i, int n) {
        for (int j = i << 1; j <= n;) {
            if (j < n && less(v[tosort[base + j]], v[tosort[base + j + 1]])) {
                j += 1;
            }
            if (less(v[tmp], v[tosort[base + j]])) {
                tosort[base + i] = tosort[base + j];
                i = j;
                j += j;
            } else {
                break;
            }
        }
        tosort[base + i] = tmp;
    }

    /** NumPy's float ordering: NaN sorts last. */
    private static boolean less(double a, double b) {
        return a < b || (b != b && a == a);
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
