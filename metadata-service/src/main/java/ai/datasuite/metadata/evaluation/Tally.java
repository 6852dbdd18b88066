package ai.datasuite.metadata.evaluation;

/** Counts of result rows, summed from GROUP BY rows. */
final class Tally {

    long total;
    long done;
    long errors;
    long correct;

    void add(long total, long done, long errors, long correct) {
        this.total += total;
        this.done += done;
        this.errors += errors;
        this.correct += correct;
    }

    void add(Tally other) {
        add(other.total, other.done, other.errors, other.correct);
    }

    /** correct / done, null while nothing is finished; an error row counts as wrong (as GAIA does). */
    Double accuracy() {
        return done == 0 ? null : (double) correct / done;
    }

    double progress() {
        return total == 0 ? 0 : (double) done / total;
    }
}
