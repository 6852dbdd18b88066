package ai.datasuite.vectorindex.embedded;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The dot product on the JDK's Vector API (the incubator module {@code jdk.incubator.vector}): the widest SIMD
 * registers the CPU has, fused multiply-adds. Only {@link TopKSearch} refers to this class, and only when the module is
 * in the boot layer ({@code --add-modules jdk.incubator.vector}), so without it this class is never loaded.
 */
final class VectorDot {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** As many bytes as {@link #SPECIES} has floats: one load widens to one float vector. */
    private static final VectorSpecies<Byte> BYTES = VectorSpecies.of(byte.class,
            VectorShape.forBitSize(LANES * Byte.SIZE));

    private VectorDot() {
    }

    /** {@code q} · {@code data[base .. base + dim)}; sums in another order than the scalar loop (float rounding). */
    static float dot(float[] q, float[] data, int base, int dim) {
        // Four accumulators: an FMA waits for the previous one on the same register, four keep the units busy.
        FloatVector a0 = FloatVector.zero(SPECIES);
        FloatVector a1 = FloatVector.zero(SPECIES);
        FloatVector a2 = FloatVector.zero(SPECIES);
        FloatVector a3 = FloatVector.zero(SPECIES);
        int j = 0;
        for (int limit = dim - 4 * LANES; j <= limit; j += 4 * LANES) {
            a0 = FloatVector.fromArray(SPECIES, q, j).fma(FloatVector.fromArray(SPECIES, data, base + j), a0);
            a1 = FloatVector.fromArray(SPECIES, q, j + LANES)
                    .fma(FloatVector.fromArray(SPECIES, data, base + j + LANES), a1);
            a2 = FloatVector.fromArray(SPECIES, q, j + 2 * LANES)
                    .fma(FloatVector.fromArray(SPECIES, data, base + j + 2 * LANES), a2);
            a3 = FloatVector.fromArray(SPECIES, q, j + 3 * LANES)
                    .fma(FloatVector.fromArray(SPECIES, data, base + j + 3 * LANES), a3);
        }
        for (int limit = dim - LANES; j <= limit; j += LANES) {
            a0 = FloatVector.fromArray(SPECIES, q, j).fma(FloatVector.fromArray(SPECIES, data, base + j), a0);
        }
        float s = a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
        for (; j < dim; j++) {
            s += q[j] * data[base + j];
        }
        return s;
    }

    /** {@code q} · {@code codes[base .. base + dim)} (bytes widened to floats), for {@link Int8Codes}. */
    static float codeDot(float[] q, byte[] codes, int base, int dim) {
        FloatVector a0 = FloatVector.zero(SPECIES);
        FloatVector a1 = FloatVector.zero(SPECIES);
        FloatVector a2 = FloatVector.zero(SPECIES);
        FloatVector a3 = FloatVector.zero(SPECIES);
        int j = 0;
        for (int limit = dim - 4 * LANES; j <= limit; j += 4 * LANES) {
            a0 = widen(codes, base + j).fma(FloatVector.fromArray(SPECIES, q, j), a0);
            a1 = widen(codes, base + j + LANES).fma(FloatVector.fromArray(SPECIES, q, j + LANES), a1);
            a2 = widen(codes, base + j + 2 * LANES).fma(FloatVector.fromArray(SPECIES, q, j + 2 * LANES), a2);
            a3 = widen(codes, base + j + 3 * LANES).fma(FloatVector.fromArray(SPECIES, q, j + 3 * LANES), a3);
        }
        for (int limit = dim - LANES; j <= limit; j += LANES) {
            a0 = widen(codes, base + j).fma(FloatVector.fromArray(SPECIES, q, j), a0);
        }
        float s = a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
        for (; j < dim; j++) {
            s += q[j] * codes[base + j];
        }
        return s;
    }

    private static FloatVector widen(byte[] codes, int offset) {
        return (FloatVector) ByteVector.fromArray(BYTES, codes, offset).convertShape(VectorOperators.B2F, SPECIES, 0);
    }
}
