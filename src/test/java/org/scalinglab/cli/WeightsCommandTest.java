package org.scalinglab.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.tf.ModelStore;

class WeightsCommandTest {
    @TempDir Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(ModelStore.DIR_PROPERTY);
        System.clearProperty(ModelStore.URL_PROPERTY);
    }

    @Test
    void listsTheCacheAsJson() {
        System.setProperty(ModelStore.DIR_PROPERTY, dir.toString());
        SpecCommandTest.Result r = SpecCommandTest.run("weights", "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(dir.toString(), o.get("cache").getAsString());
        assertEquals("https://storage.googleapis.com/keras-applications/", o.get("source").getAsString());
        assertEquals(16, o.getAsJsonArray("files").size());
        assertFalse(o.getAsJsonArray("files").get(0).getAsJsonObject().get("cached").getAsBoolean());
    }

    @Test
    void importRefusesAFileThatIsNotOfficial() throws Exception {
        System.setProperty(ModelStore.DIR_PROPERTY, dir.resolve("cache").toString());
        Path mine = Files.write(dir.resolve("mine.h5"), new byte[] {1, 2, 3});
        SpecCommandTest.Result r = SpecCommandTest.run("weights", "--import", mine.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: " + mine + " is not one of the official files (md5 5289df737df57326fcdd22597afb1fac)"), r.err());
    }

    @Test
    void aDownloadWithTheWrongBytesFailsAndLeavesNothing() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            byte[] body = "not the weights".getBytes();
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            System.setProperty(ModelStore.DIR_PROPERTY, dir.toString());
            System.setProperty(ModelStore.URL_PROPERTY, "http://127.0.0.1:" + server.getAddress().getPort() + "/");
            SpecCommandTest.Result r = SpecCommandTest.run("weights", "--download", "b2", "--notop");
            assertEquals(1, r.code());
            assertTrue(r.err().contains("downloading efficientnetb2_notop.h5: 100% (0.0 of 0.0 MB)"), r.err());
            assertTrue(r.err().contains("error: the download of efficientnetb2_notop.h5 is corrupt (md5 "), r.err());
            assertTrue(r.err().contains("expected 111f8e2ac8aa800a7a99e3239f7bfb39); it was deleted"), r.err());
            try (var files = Files.list(dir)) {
                assertEquals(0, files.count());
            }
        } finally {
            server.stop(0);
        }
    }
}
