package org.scalinglab.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A file's SHA-256, in lower-case hex: what tells two versions of a weights file or a checkpoint part apart. */
public final class FileDigest {
    private FileDigest() {
    }

    public static String sha256(Path f) throws IOException {
        try (DigestInputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(f)), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
