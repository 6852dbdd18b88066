package ai.datasuite.ingest.support;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import ai.datasuite.ingest.file.FaultPoints;
import io.quarkus.test.Mock;

/** Replaces the no-op fault points in tests: an armed point throws once, past every clean-up, like a crash. */
@Mock
@ApplicationScoped
public class CrashingFaultPoints extends FaultPoints {

    private final AtomicReference<Point> armed = new AtomicReference<>();

    public void arm(Point point) {
        armed.set(point);
    }

    public void disarm() {
        armed.set(null);
    }

    @Override
    public void reached(Point point) {
        if (armed.compareAndSet(point, null)) {
            throw new SimulatedCrash(point);
        }
    }

    public static class SimulatedCrash extends Error {
        SimulatedCrash(Point point) {
            super("simulated crash at " + point);
        }
    }
}
