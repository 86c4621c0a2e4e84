package org.measures311.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts a new JVM on this process's class path and waits for the line it reports its result on. */
final class ChildJvm {
    /** {@code laterNanos}: process start to the first line starting with the later prefix, 0 if none was asked or seen. */
    record Outcome(int exitCode, String resultLine, long wallNanos, long laterNanos, String errorTail) {
        boolean passed() {
            return exitCode == 0 && resultLine != null;
        }
    }

    private ChildJvm() {
    }

    /**
     * Runs {@code mainClass} with the given JVM options and arguments; the result line is the first stdout line
     * starting with {@code resultPrefix}, and the wall time runs from process start to that line.
     */
    static Outcome run(List<String> jvmOptions, String mainClass, List<String> args, String resultPrefix)
            throws IOException, InterruptedException {
        return run(jvmOptions, mainClass, args, resultPrefix, null);
    }

    /** {@link #run(List, String, List, String)}, also timing the first line starting with {@code laterPrefix}. */
    static Outcome run(List<String> jvmOptions, String mainClass, List<String> args, String resultPrefix,
                       String laterPrefix) throws IOException, InterruptedException {
        List<String> command = command(jvmOptions, mainClass, args);
        Path errors = Files.createTempFile("bench-child-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
            long started = System.nanoTime();
            Process process = builder.start();
            String result = null;
            long at = 0;
            long laterAt = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (result == null && line.startsWith(resultPrefix)) {
                        at = System.nanoTime();
                        result = line;
                    } else if (laterPrefix != null && laterAt == 0 && line.startsWith(laterPrefix)) {
                        laterAt = System.nanoTime();
                    }
                }
            }
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("child JVM " + mainClass + " did not finish in 10 minutes");
            }
            return new Outcome(process.exitValue(), result, result == null ? 0 : at - started,
                    laterAt == 0 ? 0 : laterAt - started, errorTail(errors));
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    /** The last lines a child wrote to stderr, for a failure message. */
    private static String errorTail(Path errors) throws IOException {
        List<String> err = Files.readAllLines(errors);
        return String.join("\n", err.subList(Math.max(0, err.size() - 15), err.size()));
    }

    /** A child JVM that keeps running after it reported ready; closing it stops it as Ctrl-C would. */
    static final class Running implements AutoCloseable {
        private final Process process;
        private final String readyLine;
        private final Path errors;

        private Running(Process process, String readyLine, Path errors) {
            this.process = process;
            this.readyLine = readyLine;
            this.errors = errors;
        }

        String readyLine() {
            return readyLine;
        }

        /** SIGTERM (the child's shutdown hooks run, as on Ctrl-C), then a forced stop after 30 s. */
        @Override
        public void close() throws IOException, InterruptedException {
            try {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } finally {
                Files.deleteIfExists(errors);
            }
        }
    }

    /**
     * Starts {@code mainClass} and returns once it prints a line starting with {@code readyPrefix}; its later
     * output is read and dropped so it never blocks on a full pipe.
     */
    static Running start(String mainClass, List<String> args, String readyPrefix, long timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> command = command(List.of(), mainClass, args);
        Path errors = Files.createTempFile("bench-child-", ".err");
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        java.util.concurrent.CompletableFuture<String> ready = new java.util.concurrent.CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (!ready.isDone() && line.startsWith(readyPrefix)) {
                        ready.complete(line);
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.complete(null);
        }, "child-output-" + mainClass);
        reader.setDaemon(true);
        reader.start();
        String line;
        try {
            line = ready.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            line = null;
        }
        if (line == null) {
            process.destroyForcibly().waitFor();
            String tail = errorTail(errors);
            Files.deleteIfExists(errors);
            throw new IOException("child JVM " + mainClass + " did not report ready (exit "
                    + (process.isAlive() ? "none" : process.exitValue()) + "):\n" + tail);
        }
        return new Running(process, line, errors);
    }

    /** {@code java} of this JVM, on this class path, with Arrow's {@code --add-opens} and the given options. */
    private static List<String> command(List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** The value of {@code key=} in a result line, e.g. value("probe ok rows=5 millis=9", "rows") = "5". */
    static String value(String line, String key) {
        for (String part : line.split(" ")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        throw new IllegalArgumentException("no " + key + " in: " + line);
    }
}
