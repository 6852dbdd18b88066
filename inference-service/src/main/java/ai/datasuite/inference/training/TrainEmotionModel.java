package ai.datasuite.inference.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import ai.datasuite.inference.config.TrainingConfig;

/**
 * Command line: rebuilds the committed head of the built-in emotion model from GoEmotions (deterministic: the same
 * data gives the same bytes), assembles the model, evaluates the assembled graph on dev.tsv and writes metrics.json.
 * Run it through {@code inference-service/train-emotion}.
 *
 * <pre>
 * TrainEmotionModel [--dataset DIR] [--output DIR] [--model-dir DIR] [--cache DIR] [--threads N]
 * </pre>
 */
public final class TrainEmotionModel {

    private TrainEmotionModel() {
    }

    public static void main(String[] args) throws Exception {
        Path dataset = TrainingConfig.locate("datasets/goemotions");
        Path output = Path.of("src/main/resources/models/emotion/" + BuiltinEmotionModel.BUILTIN_VERSION);
        Path modelDir = Path.of("target/emotion-model/" + BuiltinEmotionModel.BUILTIN_VERSION);
        Path cache = Path.of("target/emotion-cache");
        int threads = 2;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--dataset" -> dataset = Path.of(value);
                case "--output" -> output = Path.of(value);
                case "--model-dir" -> modelDir = Path.of(value);
                case "--cache" -> cache = Path.of(value);
                case "--threads" -> threads = Integer.parseInt(value);
                default -> {
                    System.err.println("usage: TrainEmotionModel [--dataset DIR] [--output DIR] [--model-dir DIR] [--cache DIR] [--threads N]");
                    System.exit(2);
                }
            }
            i++;
        }
        long started = System.nanoTime();
        GoEmotions data = new GoEmotions(dataset);
        List<GoEmotions.Row> train = data.read("train");
        List<GoEmotions.Row> dev = data.read("dev");
        System.out.printf(Locale.ROOT, "GoEmotions single-label rows: train %d, dev %d%n", train.size(), dev.size());
        EmotionHead head = EmotionTrainer.trainHead(train, List.of(), cache, threads, HeadTrainer.Options.DEFAULT, System.out::println);
        byte[] headBytes = head.toBytes();
        Files.createDirectories(output);
        Files.write(output.resolve(EmotionModelFolder.HEAD_FILE), headBytes);
        System.out.printf(Locale.ROOT, "wrote %s (%d bytes, sha256 %s)%n", output.resolve(EmotionModelFolder.HEAD_FILE), headBytes.length,
                Hashing.sha256(headBytes));
        EmotionModelFolder.deleteTree(modelDir);
        final int t = threads;
        Metrics metrics = EmotionModelFolder.assemble(modelDir, head, dir -> {
            Metrics m = EmotionTrainer.evaluate(dir, dev, t);
            EmotionModelFolder.writeMetrics(dir, m);
            return m;
        });
        Files.copy(modelDir.resolve(EmotionModelFolder.METRICS_FILE), output.resolve(EmotionModelFolder.METRICS_FILE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println("assembled model: " + modelDir.toAbsolutePath());
        System.out.println("dev (assembled ONNX graph): " + metrics);
        for (Metrics.PerLabel p : metrics.perLabel()) {
            System.out.printf(Locale.ROOT, "  %-9s P %.3f  R %.3f  F1 %.3f  n %d%n", p.label(), p.precision(), p.recall(), p.f1(), p.support());
        }
        System.out.printf(Locale.ROOT, "done in %.0f s%n", (System.nanoTime() - started) / 1e9);
    }
}
