package ai.datasuite.inference.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import ai.datasuite.inference.serving.ModelFolder;
import ai.datasuite.inference.serving.ModelSource;

/**
 * The built-in 7-label emotion model. Versions live in {@code ${suite.data-dir}/models/emotion/<version>/}; the
 * committed version ({@link #BUILTIN_VERSION}) is assembled at startup from the e5 jar and the committed head, the
 * others come from retraining. {@code current} holds the promoted version (absent: the committed one).
 */
@ApplicationScoped
class BuiltinEmotionModel implements ModelSource {

    public static final String MODEL_ID = "emotion";
    public static final String BUILTIN_VERSION = "v1";
    static final String RESOURCE_DIR = "/models/emotion/" + BUILTIN_VERSION + "/";
    private static final Pattern VERSION = Pattern.compile("v[1-9][0-9]{0,8}");
    private static final Logger LOG = Logger.getLogger(BuiltinEmotionModel.class);

    private final Path root;

    @Inject
    public BuiltinEmotionModel(@ConfigProperty(name = "suite.data-dir") String dataDir) {
        this(Path.of(dataDir).resolve("models").resolve(MODEL_ID));
    }

    /** Outside CDI: {@code root} is the folder holding the version folders. */
    public BuiltinEmotionModel(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public List<ModelFolder> models() {
        ensureBuiltin();
        String version = currentVersion();
        Path folder = versionFolder(version);
        if (!EmotionModelFolder.isComplete(folder)) {
            LOG.warnf("promoted emotion model %s is missing or incomplete; serving %s", version, BUILTIN_VERSION);
            version = BUILTIN_VERSION;
            folder = versionFolder(version);
        }
        return List.of(new ModelFolder(MODEL_ID, version, folder));
    }

    /** The folder of the committed version, assembled when missing (idempotent, atomic). */
    public synchronized Path ensureBuiltin() {
        Path target = versionFolder(BUILTIN_VERSION);
        if (EmotionModelFolder.isComplete(target)) {
            return target;
        }
        try {
            long started = System.nanoTime();
            EmotionHead head = EmotionHead.fromBytes(resource(RESOURCE_DIR + EmotionModelFolder.HEAD_FILE));
            EmotionModelFolder.assemble(target, head, dir -> {
                Files.write(dir.resolve(EmotionModelFolder.METRICS_FILE), resource(RESOURCE_DIR + EmotionModelFolder.METRICS_FILE));
                return null;
            });
            LOG.infof("assembled the built-in emotion model %s in %s (%.1f s)", BUILTIN_VERSION, target, (System.nanoTime() - started) / 1e9);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot assemble the built-in emotion model in " + target, e);
        }
    }

    /** The promoted version, or the committed one when nothing was promoted. */
    public String currentVersion() {
        Path pointer = root.resolve("current");
        try {
            if (Files.isRegularFile(pointer)) {
                String v = Files.readString(pointer, StandardCharsets.UTF_8).trim();
                if (VERSION.matcher(v).matches()) {
                    return v;
                }
                LOG.warnf("ignoring malformed %s: '%s'", pointer, v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return BUILTIN_VERSION;
    }

    /** Makes {@code version} the one served from the next start (or reload) on; it must be a complete folder. */
    public synchronized void promote(String version) {
        Path folder = versionFolder(version);
        if (!EmotionModelFolder.isComplete(folder)) {
            throw new IllegalArgumentException("emotion model version " + version + " does not exist");
        }
        try {
            Files.createDirectories(root);
            Path tmp = Files.createTempFile(root, ".current-", ".tmp");
            Files.writeString(tmp, version + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, root.resolve("current"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder of {@code version} (which may not exist); rejects anything but {@code v<number>}. */
    public Path versionFolder(String version) {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("not a model version: " + version);
        }
        return root.resolve(version);
    }

    /** Complete version folders, oldest first. */
    public List<String> versions() {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> list = Files.list(root)) {
            list.map(p -> p.getFileName().toString()).filter(n -> VERSION.matcher(n).matches())
                    .filter(n -> EmotionModelFolder.isComplete(root.resolve(n)))
                    .sorted(java.util.Comparator.comparingInt(BuiltinEmotionModel::number)).forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The version name a new training run gets: one above every version folder present (complete or not). */
    synchronized String nextVersion() throws IOException {
        int max = number(BUILTIN_VERSION);
        if (Files.isDirectory(root)) {
            try (Stream<Path> list = Files.list(root)) {
                for (Path p : list.toList()) {
                    String n = p.getFileName().toString();
                    if (VERSION.matcher(n).matches()) {
                        max = Math.max(max, number(n));
                    }
                }
            }
        }
        return "v" + (max + 1);
    }

    public Path root() {
        return root;
    }

    /** The e5 features cache shared by retraining runs. */
    public Path cacheDir() {
        return root.resolve("cache");
    }

    static int number(String version) {
        return Integer.parseInt(version.substring(1));
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = BuiltinEmotionModel.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("resource " + name + " is not on the classpath");
            }
            return in.readAllBytes();
        }
    }
}
