package org.measures311.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The text of every template under infra/ (.bicep and .json), keyed by path relative to infra/, with lookups
 * the drift checks need: resources by type, variables, and resolution of simple expressions to literal values.
 * Immutable; {@link #replacing} returns a changed copy, which is how the tests inject drift.
 */
record BicepTemplates(Map<String, String> files) {

    private static final Pattern RESOURCE = Pattern.compile(
            "(?m)^\\s*resource\\s+(\\w+)\\s+'([^'@]+)(?:@[^']*)?'\\s+(existing\\s+)?=");
    private static final Pattern LOOP = Pattern.compile("\\[\\s*for\\s+(\\w+)\\s+in\\s+(\\w+)\\s*:");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{\\s*(\\w+)\\s*}");

    /** A resource declaration: its symbolic name, type without API version, loop (if any) and body. */
    record Resource(String file, String symbol, String type, boolean existing, Optional<String> loopSource,
                    String body) {

        Map<String, String> properties() {
            return BicepSource.properties(BicepSource.inside(body));
        }
    }

    BicepTemplates {
        files = Map.copyOf(files);
    }

    static BicepTemplates load(Path infraDir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(infraDir)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                String name = path.getFileName().toString();
                if (name.endsWith(".bicep") || name.endsWith(".json")) {
                    files.put(infraDir.relativize(path).toString().replace('\\', '/'), Files.readString(path));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BicepTemplates(files);
    }

    /** A copy with {@code target} replaced by {@code replacement} in one file; fails if the text is absent. */
    BicepTemplates replacing(String file, String target, String replacement) {
        String text = files.get(file);
        if (text == null || !text.contains(target)) {
            throw new IllegalArgumentException(file + " does not contain: " + target);
        }
        Map<String, String> changed = new TreeMap<>(files);
        changed.put(file, text.replace(target, replacement));
        return new BicepTemplates(changed);
    }

    /** Bicep files with comments blanked out, keyed like {@link #files}. */
    Map<String, String> bicepCode() {
        Map<String, String> out = new TreeMap<>();
        files.forEach((name, text) -> {
            if (name.endsWith(".bicep")) {
                out.put(name, BicepSource.withoutComments(text));
            }
        });
        return out;
    }

    List<Resource> resources(String type) {
        List<Resource> out = new ArrayList<>();
        bicepCode().forEach((file, code) -> {
            Matcher m = RESOURCE.matcher(code);
            while (m.find()) {
                if (!m.group(2).equals(type)) {
                    continue;
                }
                int open = code.indexOf('{', m.end());
                String head = code.substring(m.end(), open);
                Matcher loop = LOOP.matcher(head);
                String body = code.substring(open, BicepSource.closing(code, open) + 1);
                out.add(new Resource(file, m.group(1), type, m.group(3) != null,
                        loop.find() ? Optional.of(loop.group(2)) : Optional.empty(), body));
            }
        });
        return out;
    }

    /** The value expression of {@code var name = …} in one file. */
    Optional<String> variable(String file, String name) {
        String code = bicepCode().get(file);
        Matcher m = Pattern.compile("(?m)^\\s*var\\s+" + Pattern.quote(name) + "\\s*=\\s*").matcher(code);
        return m.find() ? Optional.of(BicepSource.expressionAt(code, m.end())) : Optional.empty();
    }

    /**
     * Every literal string a name is given anywhere: {@code var name = 'x'} or {@code param name T = 'x'}.
     * A module parameter without a default takes its value from the caller, where by this project's convention
     * the argument has the same name, so a name resolves across files; two different literals are a drift.
     */
    Set<String> literalsOf(String name) {
        Pattern declaration = Pattern.compile("(?m)^\\s*(?:var|param)\\s+" + Pattern.quote(name)
                + "(?:\\s+\\w+)?\\s*=\\s*'([^'$]*)'\\s*$");
        Set<String> values = new LinkedHashSet<>();
        bicepCode().values().forEach(code -> {
            Matcher m = declaration.matcher(code);
            while (m.find()) {
                values.add(m.group(1));
            }
        });
        return values;
    }

    /**
     * The literal value of a simple expression: a string literal (interpolations resolved), or a name with one
     * literal value. Empty when it depends on anything else (a function call, an output, an ambiguous name).
     */
    Optional<String> resolve(String expression) {
        String e = expression.trim();
        if (e.matches("'[^']*'")) {
            StringBuilder out = new StringBuilder();
            Matcher m = INTERPOLATION.matcher(e.substring(1, e.length() - 1));
            while (m.find()) {
                Optional<String> part = resolve(m.group(1));
                if (part.isEmpty()) {
                    return Optional.empty();
                }
                m.appendReplacement(out, Matcher.quoteReplacement(part.get()));
            }
            m.appendTail(out);
            // An interpolation of anything but a plain name (a property, a function call) is not a literal.
            return out.indexOf("${") >= 0 ? Optional.empty() : Optional.of(out.toString());
        }
        if (e.matches("\\w+")) {
            Set<String> values = literalsOf(e);
            return values.size() == 1 ? Optional.of(values.iterator().next()) : Optional.empty();
        }
        return Optional.empty();
    }

    /** Like {@link #resolve} for a string literal, but unresolvable interpolations are kept as {@code ${?}}. */
    String resolveLeniently(String expression) {
        String e = expression.trim();
        if (!e.matches("'[^']*'")) {
            return resolve(e).orElse("${?}");
        }
        StringBuilder out = new StringBuilder();
        Matcher m = INTERPOLATION.matcher(e.substring(1, e.length() - 1));
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(resolve(m.group(1)).orElse("${?}")));
        }
        m.appendTail(out);
        return out.toString();
    }
}
