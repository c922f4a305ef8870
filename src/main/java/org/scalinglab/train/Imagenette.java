package org.scalinglab.train;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.scalinglab.tf.ModelStore;

/**
 * Imagenette on request, like the official weights: fast.ai's public {@code imagenette2-160.tgz} (about 94 MB; the
 * ten classes the bundled study knows, train/ and val/ in class folders), downloaded with progress, resume and an md5
 * check, or imported from a local copy, then unpacked once into {@code <dir>/imagenette2-160}. The app ships no
 * images of it; this is how a class gets the photos its study models know.
 */
public final class Imagenette {
    public static final String FILE = "imagenette2-160.tgz";
    public static final String FOLDER = "imagenette2-160";
    public static final URI BASE_URL = URI.create("https://s3.amazonaws.com/fast-ai-imageclas/");
    /** The md5 fast.ai publishes for the file (also torchvision's Imagenette dataset checks it). */
    public static final String MD5 = "e793b78cc4c9e9a4ccc0c1155377a412";

    private final ModelStore store;

    public Imagenette(ModelStore store) {
        this.store = store;
    }

    /** In {@code ~/.scaling-lab/datasets} (beside the weights cache), from fast.ai's server. */
    public static Imagenette standard() {
        return new Imagenette(new ModelStore(ModelStore.defaultDir().resolveSibling("datasets"), BASE_URL, Map.of(FILE, MD5)));
    }

    public Path dir() {
        return store.dir();
    }

    /** The unpacked folder, when it is there. */
    public Optional<Path> installed() {
        Path root = store.dir().resolve(FOLDER);
        return Files.isDirectory(root.resolve("train")) && Files.isDirectory(root.resolve("val")) ? Optional.of(root) : Optional.empty();
    }

    /** Downloads (or resumes) the archive, checks it and unpacks it; the folder. */
    public Path download(ModelStore.Progress progress) throws IOException {
        Optional<Path> done = installed();
        if (done.isPresent()) return done.get();
        Path archive;
        try {
            archive = store.download(FILE, progress);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("cannot reach")) {
                throw new IOException("cannot reach " + store.url(FILE).getHost() + ": are you offline? Download " + store.url(FILE)
                        + " elsewhere (md5 " + MD5 + ") and import it with: scaling-lab datasets --import " + FILE, e);
            }
            throw e;
        }
        return unpack(archive);
    }

    /** A local copy of the archive: checked against the md5, copied into place and unpacked. */
    public Path importArchive(Path file) throws IOException {
        return unpack(store.importFile(file));
    }

    private Path unpack(Path archive) throws IOException {
        Path target = store.dir().resolve(FOLDER);
        Path tmp = Files.createTempDirectory(store.dir(), ".unpack-");
        try {
            extract(archive, tmp);
            Path unpacked = tmp.resolve(FOLDER);
            if (!Files.isDirectory(unpacked.resolve("train")) || !Files.isDirectory(unpacked.resolve("val"))) {
                throw new IOException(archive + " holds no " + FOLDER + "/train and " + FOLDER + "/val");
            }
            if (Files.exists(target)) org.scalinglab.tf.SavedModelCache.deleteRecursively(target);
            Files.move(unpacked, target);
            return target;
        } finally {
            org.scalinglab.tf.SavedModelCache.deleteRecursively(tmp);
        }
    }

    /** Unpacks a .tgz into a folder; an entry that would land outside it is refused. */
    static void extract(Path tgz, Path into) throws IOException {
        Path root = into.toAbsolutePath().normalize();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(tgz));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                Path to = root.resolve(e.getName()).normalize();
                if (!to.startsWith(root)) throw new IOException(tgz + " has an entry outside its folder: " + e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(to);
                } else if (e.isFile()) {
                    Files.createDirectories(to.getParent());
                    Files.copy(tar, to);
                }
            }
        }
    }
}
