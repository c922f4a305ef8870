package org.scalinglab.tf;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scalinglab.scaling.OfficialModel;

/**
 * The cache of official weight files: downloads on demand with progress, resumes an interrupted download with an
 * HTTP Range request, checks the md5, and moves the file into the cache atomically, so a file under its final name
 * has always passed the md5 check. A local copy can be imported instead.
 *
 * <p>Cache folder: {@code ~/.scaling-lab/models} (Linux, macOS), {@code %LOCALAPPDATA%\ScalingLab\models} (Windows),
 * or the system property {@value #DIR_PROPERTY} / environment variable {@value #DIR_ENV}. Base address: Keras'
 * public bucket, or {@value #URL_PROPERTY} / {@value #URL_ENV} (a mirror, or a local server in tests).
 */
public final class ModelStore {
    public static final String DIR_PROPERTY = "scalinglab.models";
    public static final String DIR_ENV = "SCALING_LAB_MODELS";
    public static final String URL_PROPERTY = "scalinglab.models.url";
    public static final String URL_ENV = "SCALING_LAB_MODELS_URL";

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    /** Download progress; {@code total} is -1 while unknown. Called from the downloading thread. */
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void update(long done, long total);

        /** Polled between chunks; true stops the download (the partial file stays for a later resume). */
        default boolean cancelled() {
            return false;
        }
    }

    private final Path dir;
    private final URI baseUrl;
    private final Map<String, String> md5s;
    private int connectTimeoutMillis = 15_000;
    private int readTimeoutMillis = 30_000;

    /**
     * @param md5s file name to expected md5 (hex); the official table, or test files
     */
    public ModelStore(Path dir, URI baseUrl, Map<String, String> md5s) {
        this.dir = dir;
        this.baseUrl = baseUrl.toString().endsWith("/") ? baseUrl : URI.create(baseUrl + "/");
        this.md5s = Map.copyOf(md5s);
    }

    /** The official files in the default (or configured) folder from the default (or configured) address. */
    public static ModelStore standard() {
        String url = setting(URL_PROPERTY, URL_ENV);
        return new ModelStore(defaultDir(), URI.create(url == null ? OfficialWeights.BASE_URL : url), OfficialWeights.md5s());
    }

    public static Path defaultDir() {
        String configured = setting(DIR_PROPERTY, DIR_ENV);
        if (configured != null) return Path.of(configured);
        String home = System.getProperty("user.home");
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            String local = System.getenv("LOCALAPPDATA");
            return (local != null ? Path.of(local) : Path.of(home, "AppData", "Local")).resolve("ScalingLab").resolve("models");
        }
        return Path.of(home, ".scaling-lab", "models");
    }

    private static String setting(String property, String env) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) v = System.getenv(env);
        return v == null || v.isBlank() ? null : v;
    }

    ModelStore timeouts(int connectMillis, int readMillis) {
        this.connectTimeoutMillis = connectMillis;
        this.readTimeoutMillis = readMillis;
        return this;
    }

    public Path dir() {
        return dir;
    }

    public URI url(String fileName) {
        return baseUrl.resolve(fileName);
    }

    /** The verified file in the cache, if it is there. */
    public Optional<Path> cached(OfficialModel model, boolean includeTop) {
        return cached(OfficialWeights.fileName(model, includeTop));
    }

    public Optional<Path> cached(String fileName) {
        return status(fileName) == Status.VERIFIED ? Optional.of(dir.resolve(fileName)) : Optional.empty();
    }

    /** A cache entry: not there, there with the expected md5, or there with another (damaged or replaced). */
    public enum Status { MISSING, VERIFIED, DAMAGED }

    /**
     * Checks a cached file against its md5. The result is remembered in {@code <file>.verified} (size, modification
     * time, md5), so the file is read again only when it changed.
     */
    public Status status(String fileName) {
        Path p = dir.resolve(fileName);
        if (!Files.isRegularFile(p)) return Status.MISSING;
        String expected = md5s.get(fileName);
        if (expected == null) return Status.VERIFIED; // a file the table does not know: nothing to check it against
        try {
            String stamp = Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis() + " " + expected.toLowerCase(java.util.Locale.ROOT);
            Path memo = dir.resolve(fileName + ".verified");
            if (Files.isRegularFile(memo) && Files.readString(memo).strip().equals(stamp)) return Status.VERIFIED;
            if (!OfficialWeights.md5Of(p).equalsIgnoreCase(expected)) return Status.DAMAGED;
            org.scalinglab.io.AtomicFiles.writeString(memo, stamp + "\n");
            return Status.VERIFIED;
        } catch (IOException e) {
            return Status.DAMAGED;
        }
    }

    public Path download(OfficialModel model, boolean includeTop, Progress progress) throws IOException {
        return download(OfficialWeights.fileName(model, includeTop), progress);
    }

    /**
     * The file from the cache, downloading it first if needed (resuming a previous partial download).
     *
     * @throws IOException with a message fit for the user: offline, HTTP error, broken transfer (resumable),
     *                     md5 mismatch (the bad file is deleted)
     * @throws CancellationException when {@link Progress#cancelled()} said so or the thread was interrupted
     */
    public Path download(String fileName, Progress progress) throws IOException {
        String expected = md5s.get(fileName);
        if (expected == null) throw new IllegalArgumentException("no known md5 for " + fileName + "; known: " + md5s.keySet());
        Optional<Path> done = cached(fileName);
        if (done.isPresent()) return done.get();
        Files.createDirectories(dir);
        Path part = dir.resolve(fileName + ".part");
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lock(out, part)) {
            transfer(fileName, out, progress);
        } catch (IOException | RuntimeException e) {
            if (Files.exists(part) && Files.size(part) == 0) Files.deleteIfExists(part);
            throw e;
        }
        String actual = OfficialWeights.md5Of(part);
        if (!actual.equalsIgnoreCase(expected)) {
            Files.deleteIfExists(part);
            throw new IOException("the download of " + fileName + " is corrupt (md5 " + actual + ", expected " + expected
                    + "); it was deleted, try again");
        }
        return moveIntoPlace(part, dir.resolve(fileName));
    }

    /**
     * Copies a local file into the cache under its official name, after checking its md5. (To use any .h5 without
     * copying it, read it directly with {@link KerasH5#read}.)
     */
    public Path importFile(Path source) throws IOException {
        if (!Files.isRegularFile(source)) throw new IllegalArgumentException("no such file: " + source);
        String md5 = OfficialWeights.md5Of(source);
        String name = md5s.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(md5)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException(source + " is not one of the official files (md5 " + md5
                        + (md5s.keySet().stream().allMatch(n -> n.endsWith(".h5")) ? "); use it directly with --weights " + source
                        : ", expected " + md5s.values().iterator().next() + ")")));
        Files.createDirectories(dir);
        Path tmp = dir.resolve(name + ".import");
        Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
        if (!OfficialWeights.md5Of(tmp).equals(md5)) {
            Files.deleteIfExists(tmp);
            throw new IOException("copying " + source + " into " + dir + " changed its bytes; check the disk");
        }
        return moveIntoPlace(tmp, dir.resolve(name));
    }

    private static FileLock lock(FileChannel ch, Path part) throws IOException {
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) throw new IOException("another download is writing " + part + "; wait for it to finish");
        return lock;
    }

    private void transfer(String fileName, FileChannel out, Progress progress) throws IOException {
        URI url = url(fileName);
        long have = out.size();
        HttpURLConnection c = connect(url, have);
        int code = response(c, url);
        if (code == 416 && have > 0) {
            // the partial file is as long as the server's (or longer): start over rather than guess
            c.disconnect();
            out.truncate(0);
            have = 0;
            c = connect(url, 0);
            code = response(c, url);
        }
        long total = -1;
        if (code == HttpURLConnection.HTTP_PARTIAL && have > 0) {
            Matcher m = CONTENT_RANGE.matcher(String.valueOf(c.getHeaderField("Content-Range")));
            if (!m.matches() || Long.parseLong(m.group(1)) != have) {
                c.disconnect();
                throw new IOException("the server answered the resume of " + fileName + " with a different range ("
                        + c.getHeaderField("Content-Range") + "); delete " + dir.resolve(fileName + ".part") + " and try again");
            }
            if (!m.group(3).equals("*")) total = Long.parseLong(m.group(3));
        } else if (code == HttpURLConnection.HTTP_OK) {
            have = 0; // no resume (first try, or the server ignored Range): start from the beginning
            out.truncate(0);
        } else {
            c.disconnect();
            throw new IOException(code == 404 ? "the server has no " + fileName + " at " + url + " (HTTP 404)"
                    : "downloading " + url + " failed: HTTP " + code + " " + String.valueOf(c.getResponseMessage()));
        }
        long length = c.getContentLengthLong();
        if (total < 0 && length >= 0) total = have + length;
        long done = have;
        progress.update(done, total);
        out.position(have);
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = c.getInputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(ByteBuffer.wrap(buffer, 0, n));
                done += n;
                progress.update(done, total);
                if (progress.cancelled() || Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("download of " + fileName + " cancelled at " + done + " bytes; it resumes next time");
                }
            }
        } catch (IOException e) {
            throw new IOException("the download of " + fileName + " broke off at " + done + (total > 0 ? " of " + total : "")
                    + " bytes (" + reason(e) + "); run the same command again to resume it", e);
        } finally {
            c.disconnect();
        }
        if (total >= 0 && done < total) {
            throw new IOException("the download of " + fileName + " broke off at " + done + " of " + total
                    + " bytes; run the same command again to resume it");
        }
    }

    private HttpURLConnection connect(URI url, long from) throws IOException {
        HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
        c.setConnectTimeout(connectTimeoutMillis);
        c.setReadTimeout(readTimeoutMillis);
        c.setRequestProperty("User-Agent", "scaling-lab");
        if (from > 0) c.setRequestProperty("Range", "bytes=" + from + "-");
        return c;
    }

    private int response(HttpURLConnection c, URI url) throws IOException {
        try {
            return c.getResponseCode();
        } catch (UnknownHostException | ConnectException | NoRouteToHostException | SocketTimeoutException e) {
            String file = url.getPath().substring(url.getPath().lastIndexOf('/') + 1);
            throw new IOException("cannot reach " + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "") + " ("
                    + reason(e) + "): are you offline? Download " + url + " by hand (md5 " + md5s.get(file)
                    + ") and pass it with --weights FILE, or put it into " + dir, e);
        }
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT)
                + (m == null ? "" : ": " + m);
    }

    private static Path moveIntoPlace(Path from, Path to) throws IOException {
        try {
            return Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            return Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
