package org.scalinglab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.tf.ModelStore;

/** The cam and metrics commands on a tiny random-weight network (0.25, 0.25, 4 classes) and a 200 x 150 image. */
class CamCommandTest {
    @TempDir
    static Path dir;
    static Path weights;
    static Path image;
    static Path study;

    @BeforeAll
    static void files() throws Exception {
        weights = TinyStudy.weights(dir.resolve("tiny.h5"), 5);
        image = TinyStudy.image(dir.resolve("photo.png"), 200, 150);
        study = TinyStudy.study(dir.resolve("study"));
    }

    @AfterEach
    void clear() {
        System.clearProperty(ModelStore.DIR_PROPERTY);
    }

    static SpecCommandTest.Result cam(String... extra) {
        List<String> args = new ArrayList<>(List.of("cam", "--model", "0.25,0.25,128", "--weights", weights.toString(),
                "--cache-dir", dir.resolve("cache").toString()));
        if (!Arrays.asList(extra).contains("--image")) args.addAll(List.of("--image", image.toString()));
        args.addAll(Arrays.asList(extra));
        return SpecCommandTest.run(args.toArray(String[]::new));
    }

    static float[][] map(JsonObject o) {
        JsonArray rows = o.getAsJsonArray("cam");
        float[][] m = new float[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            JsonArray row = rows.get(i).getAsJsonArray();
            m[i] = new float[row.size()];
            for (int j = 0; j < m[i].length; j++) m[i][j] = row.get(j).getAsFloat();
        }
        return m;
    }

    static JsonObject json(SpecCommandTest.Result r) {
        assertEquals(0, r.code(), r.err());
        return JsonParser.parseString(r.out()).getAsJsonObject();
    }

    @Test
    void rawJsonIsTheMapAtTheLayersOwnSize() {
        // SAME padding halves and rounds up: 128 -> 64 -> 32 -> 16 -> 8 (stages 4, 5) -> 4 (stages 6, 7, top)
        String[][] cases = {{"top_activation", "128", "4"}, {"block4a_project_bn", "128", "8"}, {"block2a_project_bn", "128", "32"},
                {"top_activation", "160", "5"}};
        for (String[] c : cases) {
            JsonObject o = json(cam("--raw", "--json", "--layer", c[0], "--resolution", c[1]));
            int side = Integer.parseInt(c[2]);
            assertEquals(List.of(side, side), List.of(o.getAsJsonArray("shape").get(0).getAsInt(), o.getAsJsonArray("shape").get(1).getAsInt()));
            float[][] m = map(o);
            assertEquals(side, m.length, c[0]);
            assertEquals(side, m[0].length, c[0]);
            float max = 0;
            for (float[] row : m) for (float v : row) { assertTrue(v >= 0, "after ReLU"); max = Math.max(max, v); }
            assertEquals("gradcam", o.get("method").getAsString());
            assertEquals(c[0], o.get("layer").getAsString());
            int cls = o.get("class").getAsInt();
            assertTrue(cls >= 0 && cls < 4);
            assertEquals("class " + cls, o.get("label").getAsString());
            assertTrue(o.get("values").getAsString().startsWith("raw"));
            // without --raw the same map is scaled to [0, 1]
            float[][] scaled = map(json(cam("--json", "--layer", c[0], "--resolution", c[1])));
            if (max > 0) {
                float min = Float.MAX_VALUE;
                for (float[] row : m) for (float v : row) min = Math.min(min, v);
                for (int i = 0; i < side; i++) {
                    for (int j = 0; j < side; j++) assertEquals((m[i][j] - min) / (max - min), scaled[i][j], 1e-4);
                }
            }
        }
    }

    @Test
    void withoutClassTheCamRunPredictsTheTopOneItselfWithTheForwardPassProbabilities() throws Exception {
        JsonObject top = json(cam("--json"));
        // the reference: the serving signature's softmax on the same preprocessed image
        org.scalinglab.arch.NetworkSpec spec = TinyStudy.spec(128);
        float[] p;
        try (var model = org.scalinglab.tf.EfficientNetModel.load(spec,
                org.scalinglab.tf.KerasH5.read(weights, spec, org.scalinglab.tf.KerasH5.Statistics.AUTO),
                org.scalinglab.tf.ModelOptions.defaults().withCacheDir(dir.resolve("cache")))) {
            p = model.probabilities(new float[][][][] {org.scalinglab.tf.ImagePreprocessor.load(image, 128).pixels()})[0];
        }
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        assertEquals(best, top.get("class").getAsInt());
        assertEquals(p[best], top.get("probability").getAsDouble(), 1e-6);
        // and the map is the one of that class given explicitly
        float[][] explicit = map(json(cam("--json", "--class", Integer.toString(best))));
        float[][] implicit = map(top);
        for (int i = 0; i < explicit.length; i++) org.junit.jupiter.api.Assertions.assertArrayEquals(explicit[i], implicit[i], 1e-6f);
    }

    @Test
    void gradCamIsCamOverTheMapAreaThroughTheCommand() {
        for (String cls : new String[] {"0", "2"}) {
            float[][] grad = map(json(cam("--raw", "--json", "--class", cls)));
            JsonObject camJson = json(cam("--raw", "--json", "--class", cls, "--method", "cam"));
            float[][] cam = map(camJson);
            assertEquals(Integer.parseInt(cls), camJson.get("class").getAsInt());
            double sum = 0;
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    assertEquals(cam[i][j] / 16, grad[i][j], 1e-5 * Math.max(1, cam[i][j]));
                    sum += cam[i][j];
                }
            }
            assertTrue(sum > 0, "a map with something in it");
        }
    }

    @Test
    void outWritesTheOverlayOnTheOriginalImage() throws Exception {
        Path out = dir.resolve("out/overlay.png");
        SpecCommandTest.Result r = cam("--out", out.toString(), "--colormap", "viridis", "--alpha", "0.7");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("overlay: " + out), r.out());
        BufferedImage overlay = ImageIO.read(out.toFile());
        BufferedImage original = ImageIO.read(image.toFile());
        assertEquals(200, overlay.getWidth());
        assertEquals(150, overlay.getHeight());
        // the centred 150 x 150 square is coloured; the 25-pixel bands left and right of it are not
        assertEquals(original.getRGB(5, 75), overlay.getRGB(5, 75));
        assertEquals(original.getRGB(194, 75), overlay.getRGB(194, 75));
        assertTrue(original.getRGB(100, 75) != overlay.getRGB(100, 75));
    }

    @Test
    void studyModelsLoadFromTheStudyFolder() {
        SpecCommandTest.Result r = SpecCommandTest.run("cam", "--model", "study:compound", "--study-dir", study.toString(), "--image",
                image.toString(), "--raw", "--json", "--cache-dir", dir.resolve("cache").toString());
        JsonObject o = json(r);
        // the compound model's own resolution, 80 px: 40, 20, 10, 5, 3
        assertEquals(80, o.get("resolution").getAsInt());
        assertEquals(3, map(o).length);
        assertEquals(TinyStudy.CLASSES.get(o.get("class").getAsInt()), o.get("label").getAsString());
        assertEquals("study:compound", o.get("model").getAsString());

        SpecCommandTest.Result missing = SpecCommandTest.run("cam", "--model", "study:width", "--study-dir", study.toString(), "--image",
                image.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("study model width in " + study + ": not trained yet"), missing.err());
        SpecCommandTest.Result unknown = SpecCommandTest.run("cam", "--model", "study:bigger", "--study-dir", study.toString(), "--image",
                image.toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("it has base, compound, width, depth, resolution"), unknown.err());
    }

    @Test
    void badArgumentsGiveOneLineAndExitCode2() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.jpg"), "not an image");
        System.setProperty(ModelStore.DIR_PROPERTY, dir.resolve("empty-cache").toString());
        String[][] cases = {
                {"image not found: " + dir.resolve("nope.png"), "--image", dir.resolve("nope.png").toString()},
                {"notes.jpg is not an image", "--image", text.toString()},
                {"unknown --method 'fancycam'", "--method", "fancycam"},
                {"unknown --layer 'block9z_add'", "--layer", "block9z_add"},
                {"--class must be between 0 and 3, got 4", "--class", "4"},
                {"--out must be a .png file, got overlay.jpg", "--out", dir.resolve("overlay.jpg").toString()},
                {"unknown colormap 'rainbow'", "--colormap", "rainbow"},
                {"alpha must be in [0, 1], got 1.5", "--alpha", "1.5"},
                {"--method cam works only at top_activation", "--method", "cam", "--layer", "block4a_project_bn"},
        };
        for (String[] c : cases) {
            SpecCommandTest.Result r = cam(Arrays.copyOfRange(c, 1, c.length));
            assertEquals(2, r.code(), c[0] + ": " + r.err());
            assertTrue(r.err().startsWith("error: ") && r.err().contains(c[0]), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        SpecCommandTest.Result noWeights = SpecCommandTest.run("cam", "--model", "b0", "--image", image.toString());
        assertEquals(1, noWeights.code(), "missing weights are a state of this machine, not a bad argument");
        assertTrue(noWeights.err().startsWith("error: no weights for EfficientNet-B0: efficientnetb0.h5 is not in "), noWeights.err());
        assertTrue(noWeights.err().contains("Run again with --download"), noWeights.err());
        assertEquals(1, noWeights.err().strip().lines().count(), noWeights.err());
        SpecCommandTest.Result badModel = SpecCommandTest.run("cam", "--model", "b9", "--image", image.toString());
        assertEquals(2, badModel.code());
        assertTrue(badModel.err().contains("--model must be b0..b7, study:KIND"), badModel.err());
    }

    @Test
    void metricsReportsTheFaithfulnessNumbers() {
        // the red disc: x 66..116, y 37..87 in the 200 x 150 image
        SpecCommandTest.Result r = SpecCommandTest.run("metrics", "--model", "0.25,0.25,128", "--weights", weights.toString(), "--image",
                image.toString(), "--box", "66,37,116,87", "--steps", "8", "--json", "--cache-dir", dir.resolve("cache").toString());
        JsonObject o = json(r);
        double deletion = o.get("deletion_auc").getAsDouble();
        double insertion = o.get("insertion_auc").getAsDouble();
        assertTrue(deletion >= 0 && deletion <= 1 && insertion >= 0 && insertion <= 1, r.out());
        assertEquals(9, o.getAsJsonObject("deletion_curve").getAsJsonArray("score").size());
        // the crop is the centred 150 x 150 square from x = 25, scaled by 128/150
        JsonArray inInput = o.getAsJsonArray("box_in_input");
        assertEquals(List.of(34, 31, 78, 75), List.of(inInput.get(0).getAsInt(), inInput.get(1).getAsInt(), inInput.get(2).getAsInt(),
                inInput.get(3).getAsInt()));
        double energy = o.get("energy_in_box").getAsDouble();
        assertTrue(energy >= 0 && energy <= 1);
        assertTrue(o.has("pointing_hit"));
        assertTrue(!o.get("peak_in_box").getAsBoolean() || o.get("pointing_hit").getAsBoolean(), "inside the box is within 15 px of it");
        // deletion: 9 images, insertion: 9, confidence: 2, the CAM pass (which also predicts the top-1 class): 1
        assertEquals(9 + 9 + 2 + 1, o.get("forward_images").getAsInt());

        SpecCommandTest.Result outside = SpecCommandTest.run("metrics", "--model", "0.25,0.25,128", "--weights", weights.toString(), "--image",
                image.toString(), "--box", "0,0,20,20", "--cache-dir", dir.resolve("cache").toString());
        assertEquals(2, outside.code());
        assertTrue(outside.err().contains("lies outside the centred square the model sees"), outside.err());
    }
}
