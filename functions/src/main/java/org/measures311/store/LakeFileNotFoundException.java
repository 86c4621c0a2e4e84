package org.measures311.store;

import java.io.FileNotFoundException;

public final class LakeFileNotFoundException extends FileNotFoundException {
    public LakeFileNotFoundException(String where, String path) {
        super("No file " + path + " in " + where);
    }
}
