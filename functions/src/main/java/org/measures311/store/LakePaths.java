package org.measures311.store;

/**
 * Checks the paths callers hand to a {@link Lake}. A lake path is relative and '/'-separated; anything that could
 * climb out of the lake (an absolute path, a "..", a backslash that Windows would read as a separator) is refused
 * before it reaches a file system or a blob name.
 */
public final class LakePaths {

    private LakePaths() {
    }

    /** The path itself when it is a safe relative file path; IllegalArgumentException otherwise. */
    public static String requireFilePath(String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("a lake path must not be empty");
        }
        if (path.endsWith("/")) {
            throw new IllegalArgumentException("a lake path names a file, not a folder: " + path);
        }
        checkSegments(path, path);
        return path;
    }

    /** The prefix itself when every complete segment in it is safe ("" lists everything). */
    public static String requirePrefix(String prefix) {
        if (prefix == null) {
            throw new IllegalArgumentException("a lake prefix must not be null (use \"\" for all)");
        }
        if (prefix.isEmpty()) {
            return prefix;
        }
        checkSegments(prefix, prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix);
        return prefix;
    }

    private static void checkSegments(String original, String path) {
        if (path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0
                || (path.length() > 1 && path.charAt(1) == ':')) {
            throw new IllegalArgumentException("a lake path must be relative and '/'-separated: " + original);
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("a lake path must not contain empty, '.' or '..' segments: " + original);
            }
        }
    }
}
