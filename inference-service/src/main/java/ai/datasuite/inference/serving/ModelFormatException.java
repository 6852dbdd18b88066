package ai.datasuite.inference.serving;

import java.io.IOException;

/**
 * A model folder that is not a usable HF text-classification export, said in terms an API caller may read: which file
 * is missing or wrong, never where the folder is. Every other failure of a load is reported in general terms and logged
 * in full ({@link ModelRegistry}).
 */
public final class ModelFormatException extends IOException {

    public ModelFormatException(String message) {
        super(message);
    }
}
