package org.measures311.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.measures311.testing.Emulators;

/**
 * No secrets in the repository: every tracked text file (git ls-files) is scanned for key-like strings (account
 * keys, SAS signatures, PEM blocks, long high-entropy base64). The only keys allowed are the public, documented
 * emulator keys (Azurite's devstoreaccount1 key and the Cosmos DB emulator key).
 */
class RepositorySecretScanTest {
    static final Set<String> PUBLIC_EMULATOR_KEYS = Set.of(Emulators.AZURITE_KEY, Emulators.COSMOS_KEY);

    /** Built from parts, so that this file does not match its own patterns. */
    private static final List<Pattern> KEY_MATERIAL = List.of(
            Pattern.compile("(?i)AccountKey\\s*=\\s*([A-Za-z0-9+/=]{20,})"),
            Pattern.compile("(?i)SharedAccess(?:Signature|Key)\\s*=\\s*(\\S{10,})"),
            Pattern.compile("(?i)[?&;]sig=([A-Za-z0-9%+/=]{16,})"),
            Pattern.compile("-----" + "BEGIN [A-Z ]+-----()"),
            Pattern.compile("(?i)(?:client_?secret|password|api_?key)\"?\\s*[:=]\\s*\"([^\"\\s$%{]{12,})\""));
    private static final Pattern BASE64_TOKEN = Pattern.compile("(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{40,}={0,2}(?![A-Za-z0-9+/=])");

    static List<Path> trackedFiles(Path root) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "ls-files", "-z").directory(root.toFile()).redirectErrorStream(false).start();
        byte[] out = git.getInputStream().readAllBytes();
        if (git.waitFor() != 0 || out.length == 0) {
            // Not a git checkout (a source archive): scan what a checkout would hold.
            try (Stream<Path> walk = Files.walk(root)) {
                return walk.filter(Files::isRegularFile).filter(p -> !root.relativize(p).toString()
                        .matches("(?:\\.git|node_modules|functions/target|\\.measures311)(?:/.*)?")).map(root::relativize).toList();
            }
        }
        List<Path> files = new ArrayList<>();
        for (String name : new String(out, StandardCharsets.UTF_8).split("\0")) {
            if (!name.isEmpty()) {
                files.add(Path.of(name));
            }
        }
        return files;
    }

    /** The file as UTF-8 text, or null for binary content (test corpus garbage, Parquet files). */
    static String text(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (byte b : bytes) {
            if (b == 0) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1); // Windows-1252 test files are text too
        }
    }

    static List<String> findings(String file, String text) {
        List<String> found = new ArrayList<>();
        for (Pattern p : KEY_MATERIAL) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                if (!PUBLIC_EMULATOR_KEYS.contains(m.group(1))) {
                    found.add(file + ": " + shorten(m.group()));
                }
            }
        }
        Matcher m = BASE64_TOKEN.matcher(text);
        while (m.find()) {
            String token = m.group();
            boolean integrityHash = m.start() >= 7 && text.substring(Math.max(0, m.start() - 7), m.start()).matches(".*sha(?:1|256|384|512)-");
            if (!PUBLIC_EMULATOR_KEYS.contains(token) && !integrityHash && looksRandom(token)) {
                found.add(file + ": high-entropy token " + shorten(token));
            }
        }
        return found;
    }

    /**
     * Upper, lower case and digits, close to the entropy of random base64, and not made of words: in a camelCase
     * identifier lower-case letters come in runs of 3 or more on average, in random base64 in runs under 2.5 (97%
     * of random 40-character tokens). Hex digests have no upper case.
     */
    static boolean looksRandom(String token) {
        boolean upper = token.chars().anyMatch(Character::isUpperCase);
        boolean lower = token.chars().anyMatch(Character::isLowerCase);
        long digits = token.chars().filter(Character::isDigit).count();
        if (!upper || !lower || digits < 3 || meanLowerCaseRun(token) >= 2.5) {
            return false;
        }
        int[] counts = new int[128];
        token.chars().forEach(c -> counts[c]++);
        double entropy = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = (double) c / token.length();
                entropy -= p * Math.log(p) / Math.log(2);
            }
        }
        return entropy >= 4.3;
    }

    private static double meanLowerCaseRun(String token) {
        Matcher runs = Pattern.compile("[a-z]+").matcher(token);
        int count = 0;
        int letters = 0;
        while (runs.find()) {
            count++;
            letters += runs.group().length();
        }
        return count == 0 ? 0 : (double) letters / count;
    }

    private static String shorten(String s) {
        return s.length() > 24 ? s.substring(0, 12) + "…" + s.substring(s.length() - 4) : s;
    }

    @Test
    void noTrackedFileHoldsKeyMaterialBeyondThePublicEmulatorKeys() throws Exception {
        Path root = Emulators.repoRoot();
        List<Path> files = trackedFiles(root);
        assertThat(files).as("tracked files").hasSizeGreaterThan(100);
        List<String> found = new ArrayList<>();
        int scanned = 0;
        for (Path file : files) {
            String text = text(root.resolve(file));
            if (text != null) {
                scanned++;
                found.addAll(findings(file.toString(), text));
            }
        }
        assertThat(scanned).isGreaterThan(100);
        assertThat(found).as("key-like strings in the repository").isEmpty();
    }

    @Test
    void theScannerFindsWhatItLooksFor() {
        String fakeKey = "q8Zr4mXWv2Lk9Tn0Bp7Y" + "d3Hc6Js1Ga5Fe8Ru2Mw4Ox" + "Iz9Vb3Nt7Kq==";
        assertThat(findings("a", "DefaultEndpointsProtocol=https;AccountName=x;Account" + "Key=" + fakeKey)).hasSize(2);
        assertThat(findings("b", "https://x.blob.core.windows.net/c?sv=2024&" + "sig=abcdEFGH1234%2Bijkl")).hasSize(1);
        assertThat(findings("c", "-----" + "BEGIN PRIVATE KEY-----\nMIIE")).hasSize(1);
        assertThat(findings("d", "\"client_secret\": \"" + "s3cr3t-Valu3-here" + "\"")).hasSize(1);
        assertThat(findings("e", "key " + fakeKey)).hasSize(1);
        // Allowed: the emulator keys, npm integrity hashes, long identifiers, hex digests.
        assertThat(findings("f", "Account" + "Key=" + Emulators.AZURITE_KEY + "; " + Emulators.COSMOS_KEY)).isEmpty();
        assertThat(findings("g", "\"integrity\": \"sha512-" + fakeKey + "\"")).isEmpty();
        assertThat(findings("h", "void theSameBlobTwiceAndDropsForTheSameDayAtOnceEndInTheSerialState()")).isEmpty();
        assertThat(findings("i", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")).isEmpty();
    }
}
