package org.scalinglab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.tf.ModelStore;

/** Imagenette on request, against a small archive of the same layout served from this machine (no network in tests). */
public class ImagenetteTest {

    /** A .tgz holding these files, each a few bytes. */
    public static byte[] archive(List<String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            for (String f : files) {
                byte[] content = ("pixels of " + f).getBytes();
                TarArchiveEntry e = new TarArchiveEntry(f);
                e.setSize(content.length);
                tar.putArchiveEntry(e);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    public static String md5(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
    }

    public static final List<String> LAYOUT = List.of("imagenette2-160/train/n01440764/a.JPEG", "imagenette2-160/train/n02102040/b.JPEG",
            "imagenette2-160/val/n01440764/c.JPEG", "imagenette2-160/val/n02102040/d.JPEG");

    @Test
    void downloadsChecksAndUnpacks(@TempDir Path dir) throws Exception {
        byte[] tgz = archive(LAYOUT);
        List<String> requests = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            requests.add(ex.getRequestURI().getPath());
            ex.sendResponseHeaders(200, tgz.length);
            ex.getResponseBody().write(tgz);
            ex.close();
        });
        server.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/fast-ai-imageclas/");
            Imagenette imagenette = new Imagenette(new ModelStore(dir.resolve("datasets"), base, Map.of(Imagenette.FILE, md5(tgz))));
            assertTrue(imagenette.installed().isEmpty());
            long[] last = {0, 0};
            Path root = imagenette.download((done, total) -> {
                last[0] = done;
                last[1] = total;
            });
            assertEquals(dir.resolve("datasets/imagenette2-160"), root);
            assertEquals(List.of("/fast-ai-imageclas/imagenette2-160.tgz"), requests);
            assertEquals(tgz.length, last[0]);
            assertEquals("pixels of imagenette2-160/val/n02102040/d.JPEG", Files.readString(root.resolve("val/n02102040/d.JPEG")));
            ImageFolder folder = ImageFolder.forEvaluation(root);
            assertEquals(List.of("n01440764", "n02102040"), folder.classes());
            assertEquals(root, imagenette.download(ModelStore.Progress.NONE), "already here: no second download");
            assertEquals(1, requests.size());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aLocalCopyIsCheckedBeforeItIsUsed(@TempDir Path dir) throws Exception {
        byte[] tgz = archive(LAYOUT);
        Path copy = Files.write(dir.resolve("imagenette2-160.tgz"), tgz);
        Imagenette right = new Imagenette(new ModelStore(dir.resolve("a"), URI.create("http://127.0.0.1:9/"), Map.of(Imagenette.FILE, md5(tgz))));
        assertTrue(Files.isDirectory(right.importArchive(copy).resolve("train/n01440764")));
        Imagenette other = new Imagenette(new ModelStore(dir.resolve("b"), URI.create("http://127.0.0.1:9/"), Map.of(Imagenette.FILE, "0".repeat(32))));
        var e = assertThrows(IllegalArgumentException.class, () -> other.importArchive(copy));
        assertTrue(e.getMessage().contains("is not one of the official"), e.getMessage());
        assertFalse(other.installed().isPresent());
    }

    @Test
    void anArchiveThatWritesOutsideItsFolderIsRefused(@TempDir Path dir) throws Exception {
        Path tgz = Files.write(dir.resolve("evil.tgz"), archive(List.of("imagenette2-160/train/x/a.JPEG", "../../escape.txt")));
        var e = assertThrows(IOException.class, () -> Imagenette.extract(tgz, Files.createDirectories(dir.resolve("into"))));
        assertTrue(e.getMessage().contains("outside its folder"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("escape.txt")));
    }
}
