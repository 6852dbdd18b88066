package ai.datasuite.inference.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
    private static final String LOCK_FILE = ".lock";
    private static final String CURRENT_TMP_PREFIX = ".current-";

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
        // Called once at startup: what a killed retrain or assembly left is reclaimed before anything is served.
        removeLeftovers();
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
            exclusive(() -> EmotionModelFolder.assemble(target, head, dir -> {
                DurableFiles.write(dir.resolve(EmotionModelFolder.METRICS_FILE), resource(RESOURCE_DIR + EmotionModelFolder.METRICS_FILE));
                return null;
            }));
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
            Path tmp = Files.createTempFile(root, CURRENT_TMP_PREFIX, ".tmp");
            DurableFiles.write(tmp, (version + "\n").getBytes(StandardCharsets.UTF_8));
            DurableFiles.replace(tmp, root.resolve("current"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Removes what a killed run left: temporary version folders ({@code .v2-…}), incomplete version folders that are
     * not served, and half-written pointer and cache files. Never a complete version. Skipped (with a log line) while
     * another process holds the folder's lock, as it may be writing one of them.
     */
    public synchronized void removeLeftovers() {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                LOG.infof("another process is writing emotion model versions in %s; leftovers are kept for now", root);
                return;
            }
            try (lock) {
                String current = currentVersion();
                List<Path> removed = new ArrayList<>();
                try (Stream<Path> list = Files.list(root)) {
                    for (Path p : list.toList()) {
                        String name = p.getFileName().toString();
                        boolean leftover = Files.isDirectory(p)
                                ? EmotionModelFolder.isTemporaryName(name) || (VERSION.matcher(name).matches()
                                        && !name.equals(current) && !EmotionModelFolder.isComplete(p))
                                : name.startsWith(CURRENT_TMP_PREFIX) && name.endsWith(".tmp");
                        if (leftover) {
                            EmotionModelFolder.deleteTree(p);
                            removed.add(p);
                        }
                    }
                }
                removed.addAll(EmbeddingCache.removeLeftovers(cacheDir()));
                if (!removed.isEmpty()) {
                    DurableFiles.syncDirectory(root);
                    LOG.infof("removed what an interrupted run left in %s: %s", root,
                            removed.stream().map(p -> root.relativize(p).toString()).toList());
                }
            }
        } catch (IOException e) {
            // Leftovers waste disk space but harm nothing served: log and carry on.
            LOG.warnf(e, "could not remove leftovers of interrupted runs in %s", root);
        }
    }

    /** The folder's lock, or null while another process (or this one) holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** The result of a step that writes version folders. */
    @FunctionalInterface
    interface Step<T> {
        T run() throws IOException;
    }

    /**
     * Runs {@code step} holding the folder's lock, so that a second process sharing the data folder does not take a
     * folder this one is writing for a leftover. One step at a time in this process too.
     */
    synchronized <T> T exclusive(Step<T> step) throws IOException {
        Files.createDirectories(root);
        try (FileChannel channel = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            return step.run();
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
