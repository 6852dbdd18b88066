package ai.datasuite.vectorindex;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whole-file writes and recursive deletes: a file is written whole or not at all, so a crash never leaves a
 * half-written one, and once {@link #write} returns the file and its name are on disk (the file and its directory are
 * forced). The embedded store writes its segments with it; its users may write their own files with it too.
 */
public final class AtomicFiles {

    /** Writes a file's content to the stream it is given. */
    public interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes a temporary sibling, forces it to disk, renames it over {@code target} in one step and forces the
     * directory, so the new name survives a power cut too (a rename lives in the directory, not in the file).
     */
    public static void write(Path target, StreamWriter writer) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 20);
                writer.write(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(target.toAbsolutePath().getParent());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** {@link #write(Path, StreamWriter)} of whole bytes, with I/O failures unchecked. */
    public static void write(Path target, byte[] bytes) {
        try {
            write(target, out -> out.write(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + target, e);
        }
    }

    /**
     * Forces a directory's entries (names created, renamed or deleted in it) to disk. Platforms that cannot open a
     * directory for this (Windows) or refuse to force one are skipped: there the rename is as durable as they make it.
     */
    public static void forceDirectory(Path dir) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(dir, StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException e) {
            return; // a directory cannot be opened here
        }
        try (channel) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems refuse fsync on a directory (EINVAL); the files themselves were forced.
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    /**
     * Forces every regular file under {@code dir} and every directory, deepest first, to disk: for files written by
     * other means than {@link #write}, before something that refers to them (a completed marker) is written.
     */
    public static void forceTree(Path dir) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dir)) {
            all = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : all) {
            if (Files.isRegularFile(p)) {
                try (FileChannel channel = FileChannel.open(p, StandardOpenOption.READ)) {
                    channel.force(true);
                }
            } else if (Files.isDirectory(p)) {
                forceDirectory(p);
            }
        }
    }

    /** Deletes {@code dir} and everything below it; nothing when it does not exist. */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + dir, e);
        }
    }
}
