package org.measures311.store.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A lock over a folder that holds across threads and processes. An OS file lock alone is not enough: the JVM
 * holds file locks per process (a second thread asking throws OverlappingFileLockException), so threads first
 * queue on an in-process lock shared by every instance that names the same lock file.
 */
final class FolderLock {

    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path lockFile;
    private final ReentrantLock threads;

    FolderLock(Path lockFile) {
        this.lockFile = lockFile.toAbsolutePath().normalize();
        this.threads = IN_PROCESS.computeIfAbsent(this.lockFile, p -> new ReentrantLock());
    }

    /** Held until closed; blocks while another thread or process holds it. */
    Held acquire() throws IOException {
        threads.lock();
        try {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                return new Held(channel, channel.lock());
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            threads.unlock();
            throw e;
        }
    }

    final class Held implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private Held(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() throws IOException {
            try (channel) {
                lock.release();
            } finally {
                threads.unlock();
            }
        }
    }
}
