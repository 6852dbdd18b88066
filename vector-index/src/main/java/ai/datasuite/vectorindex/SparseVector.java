package ai.datasuite.vectorindex;

/** A sparse vector: strictly increasing {@code indices} and their {@code values}, same length. */
public record SparseVector(int[] indices, float[] values) {
}
