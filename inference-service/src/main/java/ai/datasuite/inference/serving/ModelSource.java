package ai.datasuite.inference.serving;

import java.util.List;

/** A CDI bean that provides models to the registry at startup (the built-in emotion model is one). */
public interface ModelSource {

    /** The models this source provides, already on disk. Called once at startup. */
    List<ModelFolder> models();
}
