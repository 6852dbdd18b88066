package ai.datasuite.inference.training;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.jboss.logging.Logger;

/**
 * Writes that survive a power cut: each file is forced to disk before it is closed, and a rename is followed by a
 * force of the folder that holds it, so a promoted model version (or the {@code current} pointer) is either whole or
 * absent after a crash, never renamed but empty.
 */
final class DurableFiles {

    private static final Logger LOG = Logger.getLogger(DurableFiles.class);

    /** The body of a streamed write. */
    @FunctionalInterface
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private DurableFiles() {
    }

    /** Writes {@code bytes} to {@code file} (replacing it) and forces them to disk. */
    static void write(Path file, byte[] bytes) throws IOException {
        write(file, out -> out.write(bytes));
    }

    /** Streams {@code writer}'s output to {@code file} (replacing it) and forces it to disk before closing. */
    static void write(Path file, Writer writer) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            writer.write(out);
            out.flush();
            channel.force(true);
        }
    }

    /** Renames {@code source} to {@code target} atomically (replacing it) and forces the folder that holds it. */
    static void replace(Path source, Path target) throws IOException {
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /** Forces a folder's entries (creations, renames, deletions) to disk. */
    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (UnsupportedOperationException | java.nio.file.AccessDeniedException e) {
            // Some platforms (Windows) cannot open a folder as a file; its file system orders renames itself.
            LOG.debugf("cannot force folder %s: %s", dir, e);
        }
    }
}
