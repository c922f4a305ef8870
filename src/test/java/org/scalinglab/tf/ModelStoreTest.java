package org.scalinglab.tf;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The downloader against a local HTTP server on 127.0.0.1; nothing here touches the real network. */
class ModelStoreTest {
    static final String NAME = "efficientnetb0.h5";

    @TempDir Path dir;
    HttpServer server;
    byte[] data;
    /** Range header of each request ("" when none). */
    final List<String> ranges = Collections.synchronizedList(new ArrayList<>());
    volatile boolean honourRange = true;
    volatile int status = 200;

    @BeforeEach
    void start() throws IOException {
        data = new byte[300_000];
        new Random(5).nextBytes(data);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/models/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        String range = ex.getRequestHeaders().getFirst("Range");
        ranges.add(range == null ? "" : range);
        if (!ex.getRequestURI().getPath().equals("/models/" + NAME) || status != 200) {
            ex.sendResponseHeaders(status == 200 ? 404 : status, -1);
            ex.close();
            return;
        }
        int from = 0;
        Matcher m = Pattern.compile("bytes=(\\d+)-").matcher(range == null ? "" : range);
        if (honourRange && m.matches()) {
            from = Integer.parseInt(m.group(1));
            ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (data.length - 1) + "/" + data.length);
            ex.sendResponseHeaders(206, data.length - from);
        } else {
            ex.sendResponseHeaders(200, data.length);
        }
        OutputStream os = ex.getResponseBody();
        os.write(data, from, data.length - from);
        os.close();
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/models/");
    }

    private ModelStore store(String md5) {
        return new ModelStore(dir.resolve("cache"), base(), Map.of(NAME, md5)).timeouts(2000, 2000);
    }

    static String md5(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
    }

    @Test
    void downloadsChecksAndMovesIntoTheCache() throws Exception {
        List<long[]> updates = new ArrayList<>();
        Path file = store(md5(data)).download(NAME, (done, total) -> updates.add(new long[] {done, total}));
        assertEquals(dir.resolve("cache").resolve(NAME), file);
        assertArrayEquals(data, Files.readAllBytes(file));
        assertFalse(Files.exists(dir.resolve("cache").resolve(NAME + ".part")));
        assertArrayEquals(new long[] {data.length, data.length}, updates.get(updates.size() - 1));
        for (int i = 1; i < updates.size(); i++) assertTrue(updates.get(i)[0] >= updates.get(i - 1)[0]);
        assertEquals(List.of(""), ranges);

        // cached: no second request
        assertEquals(file, store(md5(data)).download(NAME, ModelStore.Progress.NONE));
        assertEquals(1, ranges.size());
        assertEquals(file, store(md5(data)).cached(NAME).orElseThrow());
    }

    @Test
    void aCorruptFileIsDeletedAndSaysSo() throws Exception {
        String wrong = md5("something else".getBytes());
        IOException e = assertThrows(IOException.class, () -> store(wrong).download(NAME, ModelStore.Progress.NONE));
        assertTrue(e.getMessage().contains("is corrupt (md5 " + md5(data) + ", expected " + wrong + "); it was deleted"), e.getMessage());
        try (var files = Files.list(dir.resolve("cache"))) {
            assertEquals(0, files.count(), "nothing left in the cache");
        }
    }

    /** A one-shot server that promises the whole file, sends {@code cut} bytes and drops the connection. */
    private URI brokenServer(int cut) throws IOException {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (socket; Socket s = socket.accept()) {
                s.setSoTimeout(5000);
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) {
                    ranges.add(line.startsWith("Range:") ? line : "");
                }
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + data.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(data, 0, cut);
                out.flush();
            } catch (IOException ignored) {
                // the test sees the failure on the client side
            }
        });
        t.setDaemon(true);
        t.start();
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/models/");
    }

    /** A file under the official name whose md5 differs (a garbage copy, a damaged disk) is not taken as cached. */
    @Test
    void aGarbageFileInTheCacheIsDamagedNotCached() throws Exception {
        ModelStore store = store(md5(data));
        Path file = store.download(NAME, ModelStore.Progress.NONE);
        assertEquals(ModelStore.Status.VERIFIED, store.status(NAME));
        Files.write(file, "not the weights".getBytes());
        assertEquals(ModelStore.Status.DAMAGED, store.status(NAME));
        assertTrue(store.cached(NAME).isEmpty());
        // downloading again replaces it
        assertEquals(file, store.download(NAME, ModelStore.Progress.NONE));
        assertEquals(ModelStore.Status.VERIFIED, store.status(NAME));
        assertEquals(ModelStore.Status.MISSING, new ModelStore(dir.resolve("empty"), base(), Map.of(NAME, md5(data))).status(NAME));
    }

    @Test
    void aBrokenTransferResumesWithARangeRequest() throws Exception {
        Path cache = dir.resolve("cache");
        ModelStore broken = new ModelStore(cache, brokenServer(100_000), Map.of(NAME, md5(data))).timeouts(2000, 2000);
        IOException e = assertThrows(IOException.class, () -> broken.download(NAME, ModelStore.Progress.NONE));
        assertTrue(e.getMessage().startsWith("the download of " + NAME + " broke off at 100000 of " + data.length + " bytes"), e.getMessage());
        assertTrue(e.getMessage().endsWith("run the same command again to resume it"), e.getMessage());
        Path part = cache.resolve(NAME + ".part");
        assertEquals(100_000, Files.size(part), "partial file kept");
        assertFalse(Files.exists(cache.resolve(NAME)));

        ranges.clear();
        List<long[]> updates = new ArrayList<>();
        Path file = store(md5(data)).download(NAME, (done, total) -> updates.add(new long[] {done, total}));
        assertEquals(List.of("bytes=100000-"), ranges);
        assertArrayEquals(new long[] {100_000, data.length}, updates.get(0), "progress starts where the part ended");
        assertArrayEquals(data, Files.readAllBytes(file));
        assertFalse(Files.exists(part));
    }

    @Test
    void aServerThatIgnoresRangeGivesAFreshDownload() throws Exception {
        honourRange = false;
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Files.write(cache.resolve(NAME + ".part"), new byte[12_345]); // a stale partial file of zeros
        Path file = store(md5(data)).download(NAME, ModelStore.Progress.NONE);
        assertEquals("bytes=12345-", ranges.get(0));
        assertArrayEquals(data, Files.readAllBytes(file));
    }

    @Test
    void cancellingKeepsThePartForLater() throws Exception {
        ModelStore store = store(md5(data));
        ModelStore.Progress cancelSoon = new ModelStore.Progress() {
            long seen;

            @Override
            public void update(long done, long total) {
                seen = done;
            }

            @Override
            public boolean cancelled() {
                return seen > 0;
            }
        };
        assertThrows(CancellationException.class, () -> store.download(NAME, cancelSoon));
        Path part = dir.resolve("cache").resolve(NAME + ".part");
        assertTrue(Files.size(part) > 0 && Files.size(part) < data.length);
        assertArrayEquals(data, Files.readAllBytes(store.download(NAME, ModelStore.Progress.NONE)));
        assertTrue(ranges.get(1).startsWith("bytes="), ranges.toString());
    }

    @Test
    void notFoundSaysWhatWasMissing() throws Exception {
        ModelStore store = new ModelStore(dir.resolve("cache"), base(), Map.of("efficientnetb9.h5", "00")).timeouts(2000, 2000);
        IOException e = assertThrows(IOException.class, () -> store.download("efficientnetb9.h5", ModelStore.Progress.NONE));
        assertEquals("the server has no efficientnetb9.h5 at " + base() + "efficientnetb9.h5 (HTTP 404)", e.getMessage());
        try (var files = Files.list(dir.resolve("cache"))) {
            assertEquals(0, files.count());
        }
        status = 503;
        IOException busy = assertThrows(IOException.class, () -> store(md5(data)).download(NAME, ModelStore.Progress.NONE));
        assertTrue(busy.getMessage().contains("HTTP 503"), busy.getMessage());
    }

    @Test
    void anUnreachableHostSaysOffline() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        ModelStore store = new ModelStore(dir.resolve("cache"), URI.create("http://127.0.0.1:" + closedPort + "/models"),
                Map.of(NAME, "902e53a9f72be733fc0bcb005b3ebbac")).timeouts(2000, 2000);
        IOException e = assertThrows(IOException.class, () -> store.download(NAME, ModelStore.Progress.NONE));
        assertTrue(e.getMessage().startsWith("cannot reach 127.0.0.1:" + closedPort + " (connect: "), e.getMessage());
        assertTrue(e.getMessage().contains("are you offline? Download http://127.0.0.1:" + closedPort + "/models/" + NAME
                + " by hand (md5 902e53a9f72be733fc0bcb005b3ebbac) and pass it with --weights FILE"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("cache").resolve(NAME + ".part")));
    }

    @Test
    void importsALocalCopyAfterCheckingItsMd5() throws Exception {
        Path local = Files.write(dir.resolve("downloaded-by-hand.h5"), data);
        Path file = store(md5(data)).importFile(local);
        assertEquals(dir.resolve("cache").resolve(NAME), file);
        assertArrayEquals(data, Files.readAllBytes(file));
        assertTrue(ranges.isEmpty(), "no network");

        Path other = Files.write(dir.resolve("mine.h5"), new byte[] {1, 2, 3});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store(md5(data)).importFile(other));
        assertTrue(e.getMessage().contains("is not one of the official files"), e.getMessage());
    }

    @Test
    void theOfficialTableAndFolders() {
        assertEquals(16, OfficialWeights.md5s().size());
        assertEquals("50bc09e76180e00e4465e1a485ddc09d", OfficialWeights.md5s().get("efficientnetb0_notop.h5"));
        assertEquals("efficientnetb7.h5", OfficialWeights.nameOfMd5("8C03F828FEC3EF71311CD463B6759D99"));
        assertEquals(URI.create("https://storage.googleapis.com/keras-applications/efficientnetb3_notop.h5"),
                new ModelStore(dir, URI.create(OfficialWeights.BASE_URL), OfficialWeights.md5s()).url("efficientnetb3_notop.h5"));
        String old = System.getProperty(ModelStore.DIR_PROPERTY);
        try {
            System.setProperty(ModelStore.DIR_PROPERTY, dir.toString());
            assertEquals(dir, ModelStore.defaultDir());
            System.clearProperty(ModelStore.DIR_PROPERTY);
            if (System.getenv(ModelStore.DIR_ENV) == null && !System.getProperty("os.name").startsWith("Windows")) {
                assertEquals(Path.of(System.getProperty("user.home"), ".scaling-lab", "models"), ModelStore.defaultDir());
            }
        } finally {
            if (old != null) System.setProperty(ModelStore.DIR_PROPERTY, old);
        }
    }
}
