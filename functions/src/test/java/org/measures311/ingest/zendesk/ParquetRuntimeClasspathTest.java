package org.measures311.ingest.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Parquet path must work with the production classpath, which lacks what only parquet-java's writer needs
 * (woodstox, Hadoop's shaded guava, commons-collections, native snappy/zstd): those are test-scoped, so the
 * other tests cannot notice a reader that silently started to need them. This test runs {@link TicketsReader}
 * on a SNAPPY file in a class loader without them.
 */
class ParquetRuntimeClasspathTest {
    private static final List<String> TEST_ONLY = List.of("woodstox", "stax2", "hadoop-shaded-guava",
            "commons-collections", "snappy-java", "zstd-jni", "junit", "assertj", "opentest4j", "apiguardian",
            "test-classes");

    @Test
    void readsSnappyParquetWithoutTestOnlyJars(@TempDir Path dir) throws Exception {
        Path file = ParquetTestFiles.write(dir, "t.parquet",
                "message t { required int64 id; required binary created_at (STRING); optional binary status (STRING); }",
                CompressionCodecName.SNAPPY,
                List.of(Map.of("id", 5L, "created_at", "2025-06-01T00:00:00Z", "status", "open")));

        List<URL> urls = new ArrayList<>();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : classpath.split(File.pathSeparator)) {
            if (TEST_ONLY.stream().noneMatch(entry::contains)) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        try (URLClassLoader isolated = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            assertThat(isolated.getResource("com/ctc/wstx/io/InputBootstrapper.class")).isNull();
            long rows = readTickets(isolated, file);
            assertThat(rows).isEqualTo(1);
        }
    }

    /** Reflection, because every class here must come from the isolated loader. */
    private static long readTickets(ClassLoader loader, Path file) throws Exception {
        Class<?> settingsClass = loader.loadClass("org.measures311.config.Settings");
        Object settings = settingsClass.getMethod("defaults").invoke(null);
        Class<?> formatClass = loader.loadClass("org.measures311.ingest.DropFormat");
        Object parquet = formatClass.getMethod("valueOf", String.class).invoke(null, "PARQUET");
        Class<?> contextClass = loader.loadClass("org.measures311.ingest.ReadContext");
        Object context = contextClass.getConstructor(String.class, formatClass, settingsClass)
                .newInstance("t.parquet", parquet, settings);
        Class<?> contentClass = loader.loadClass("org.measures311.ingest.DropContent");
        Object content = Proxy.newProxyInstance(loader, new Class<?>[] {contentClass},
                (proxy, method, args) -> method.getName().equals("localFile") ? file
                        : method.getName().equals("open") ? (InputStream) Files.newInputStream(file) : null);
        Class<?> tableClass = loader.loadClass("org.measures311.facts.FactTable");
        Object tickets = tableClass.getMethod("valueOf", String.class).invoke(null, "TICKETS");
        Class<?> allocatorClass = loader.loadClass("org.apache.arrow.memory.RootAllocator");
        try (AutoCloseable allocator = (AutoCloseable) allocatorClass.getConstructor().newInstance()) {
            Class<?> writerClass = loader.loadClass("org.measures311.facts.FactBatchWriter");
            Constructor<?> writerConstructor = writerClass.getConstructor(tableClass,
                    loader.loadClass("org.apache.arrow.memory.BufferAllocator"), OutputStream.class);
            try (AutoCloseable writer = (AutoCloseable) writerConstructor.newInstance(tickets, allocator, OutputStream.nullOutputStream())) {
                Object reader = loader.loadClass("org.measures311.ingest.zendesk.TicketsReader").getConstructor().newInstance();
                reader.getClass().getMethod("read", contentClass, contextClass, writerClass).invoke(reader, content, context, writer);
            }
        }
        return (long) contextClass.getMethod("rowsAccepted").invoke(context);
    }
}
