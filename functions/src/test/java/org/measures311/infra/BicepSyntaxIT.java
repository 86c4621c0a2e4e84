package org.measures311.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs infra/check-bicep.mjs (tree-sitter-bicep, installed into node_modules by the build's npm ci before the
 * integration tests) on infra/, and on a copy with a syntax error put in, which it must reject with the file,
 * line and column of the error.
 */
class BicepSyntaxIT {

    private static final Path REPO_ROOT = InfraMatchesCodeTest.repoRoot();
    private static final Path CHECKER = REPO_ROOT.resolve("infra/check-bicep.mjs");

    record Run(int exitCode, String output) {
    }

    @Test
    void everyTemplateUnderInfraParses() throws Exception {
        long templates;
        try (Stream<Path> files = Files.walk(REPO_ROOT.resolve("infra"))) {
            templates = files.filter(p -> p.toString().endsWith(".bicep")).count();
        }

        Run run = check(REPO_ROOT.resolve("infra"));

        assertThat(run.output()).contains(templates + " Bicep file(s) parsed, 0 syntax error(s)");
        assertThat(run.exitCode()).isZero();
        assertThat(templates).isGreaterThanOrEqualTo(10);
    }

    @Test
    void anInjectedSyntaxErrorFailsTheCheckWithItsPosition(@TempDir Path copy) throws Exception {
        copyTree(REPO_ROOT.resolve("infra"), copy);
        Path storage = copy.resolve("app/storage.bicep");
        List<String> lines = Files.readAllLines(storage, StandardCharsets.UTF_8);
        int line = lines.indexOf("    allowSharedKeyAccess: false");
        assertThat(line).as("line to break in the copy").isNotNegative();
        // An array that is never closed: tree-sitter reports a MISSING "]" at column 24, after "[ ".
        lines.set(line, "    allowedCopyScope: [ }");
        Files.write(storage, lines, StandardCharsets.UTF_8);

        Run run = check(copy);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output())
                .contains(storage + ":" + (line + 1) + ":24: syntax error: missing \"]\"")
                .doesNotContain(" 0 syntax error(s)");
    }

    @Test
    void aDirectoryWithoutTemplatesIsAnError(@TempDir Path empty) throws Exception {
        Run run = check(empty);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("no .bicep file under");
    }

    private static Run check(Path directory) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("node", CHECKER.toString(), directory.toString())
                .directory(REPO_ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("checker finished").isTrue();
        return new Run(process.exitValue(), output);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
