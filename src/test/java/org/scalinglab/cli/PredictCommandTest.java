package org.scalinglab.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.scaling.OfficialModel;
import org.scalinglab.tf.KerasH5;
import org.scalinglab.tf.KerasWeights;
import org.scalinglab.tf.ModelStore;

/**
 * predict end to end on B0 weights whose classifier kernel is zero: the logits are then exactly the classifier's bias,
 * whatever the image, so the expected classes and probabilities are known without trusting the network code.
 */
class PredictCommandTest {
    @TempDir static Path dir;
    static Path weights;
    static Path image;
    static final float[] BIAS = new float[1000];

    @BeforeAll
    static void makeFiles() throws IOException {
        BIAS[207] = 5; // golden retriever
        BIAS[281] = 4; // tabby
        BIAS[409] = 3; // analog clock
        BIAS[948] = 2; // Granny Smith
        BIAS[0] = 1;   // tench
        BIAS[999] = -1;
        NetworkSpec b0 = NetworkSpec.official(OfficialModel.B0);
        Map<String, Map<String, float[]>> values = new LinkedHashMap<>(KerasWeights.random(b0, 3).values());
        values.put("predictions", Map.of("kernel", new float[1280 * 1000], "bias", BIAS));
        // the official files' quirk: ImageNet std stored as variance
        values.put("normalization", Map.of("mean", new float[] {0.485f, 0.456f, 0.406f},
                "variance", new float[] {0.229f, 0.224f, 0.225f}, "count", new float[] {0}));
        weights = dir.resolve("b0-known.h5");
        KerasH5.write(weights, b0, new KerasWeights(values, true));
        image = dir.resolve("photo.png");
        BufferedImage img = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        img.setRGB(10, 10, 0x123456);
        ImageIO.write(img, "png", image.toFile());
        System.setProperty(ModelStore.DIR_PROPERTY, dir.resolve("models").toString());
    }

    @AfterAll
    static void clear() {
        System.clearProperty(ModelStore.DIR_PROPERTY);
    }

    static SpecCommandTest.Result predict(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "predict";
        all[1] = "--cache";
        all[2] = dir.resolve("savedmodels").toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return SpecCommandTest.run(all);
    }

    @Test
    void topClassesLabelsProbabilitiesAndLogits() {
        SpecCommandTest.Result r = predict("--model", "b0", "--weights", weights.toString(), "--image", image.toString(),
                "--resolution", "64", "--top", "5", "--logits", "--json", "--bench", "3");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        double z = 995 + Math.exp(5) + Math.exp(4) + Math.exp(3) + Math.exp(2) + Math.exp(1) + Math.exp(-1) - 1;
        int[] index = {207, 281, 409, 948, 0};
        String[] label = {"golden retriever", "tabby", "analog clock", "Granny Smith", "tench"};
        JsonArray top = o.getAsJsonArray("top");
        assertEquals(5, top.size());
        for (int i = 0; i < 5; i++) {
            JsonObject row = top.get(i).getAsJsonObject();
            assertEquals(index[i], row.get("index").getAsInt());
            assertEquals(label[i], row.get("label").getAsString());
            assertEquals(Math.exp(BIAS[index[i]]) / z, row.get("probability").getAsDouble(), 1e-5);
        }
        JsonArray logits = o.getAsJsonArray("logits");
        assertEquals(1000, logits.size());
        for (int i = 0; i < 1000; i++) assertEquals(BIAS[i], logits.get(i).getAsFloat(), 1e-4);
        assertEquals(64, o.get("resolution").getAsInt());
        assertTrue(o.get("imagenet_statistics").getAsBoolean());
        assertTrue(o.get("imagenet_fix").getAsBoolean());
        JsonObject crop = o.getAsJsonObject("crop");
        assertEquals(50, crop.get("left").getAsDouble());
        assertEquals(200, crop.get("side").getAsDouble());
        assertEquals(3, o.get("bench_runs").getAsInt());
        double min = o.get("min_ms").getAsDouble(), median = o.get("median_ms").getAsDouble(), max = o.get("max_ms").getAsDouble();
        assertTrue(0 < min && min <= median && median <= max, min + " " + median + " " + max);
        assertTrue(o.get("device").getAsString().startsWith("CPU") || o.get("device").getAsString().startsWith("GPU"));
    }

    @Test
    void humanReadableAndTheFixSwitch() {
        SpecCommandTest.Result r = predict("--model", "b0", "--weights", weights.toString(), "--image", image.toString(),
                "--resolution", "64", "--top", "2", "--no-imagenet-fix");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("EfficientNet-B0 at 64 px on "), r.out());
        assertFalse(r.out().contains("ImageNet input fix on"), r.out());
        assertTrue(r.out().contains("  1.  "), r.out());
        assertTrue(r.out().contains("207  golden retriever"), r.out());
        assertTrue(r.out().contains("281  tabby"), r.out());
        assertFalse(r.out().contains("analog clock"), "top 2 only");
    }

    @Test
    void withoutWeightsItSaysWhatToDo() {
        SpecCommandTest.Result r = predict("--model", "b3", "--image", image.toString());
        assertEquals(1, r.code());
        assertEquals("error: no weights for EfficientNet-B3: efficientnetb3.h5 is not in " + dir.resolve("models")
                + ". Run again with --download to fetch it from https://storage.googleapis.com/keras-applications/efficientnetb3.h5,"
                + " or pass --weights FILE.h5", r.err().strip());
    }

    @Test
    void badInputsAreOneLineWithExitCode2() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not an image");
        SpecCommandTest.Result r = predict("--model", "b0", "--weights", weights.toString(), "--image", text.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("notes.txt is not an image"), r.err());
        assertEquals(1, r.err().strip().lines().count());

        SpecCommandTest.Result wrongModel = predict("--model", "b1", "--weights", weights.toString(), "--image", image.toString());
        assertEquals(2, wrongModel.code());
        assertTrue(wrongModel.err().contains("b0-known.h5 does not fit efficientnet-b1"), wrongModel.err());
        assertTrue(wrongModel.err().contains("The file fits EfficientNet-B0 (--model b0)"), wrongModel.err());

        SpecCommandTest.Result notH5 = predict("--model", "b0", "--weights", text.toString(), "--image", image.toString());
        assertEquals(2, notH5.code());
        assertTrue(notH5.err().contains("is not an HDF5 file"), notH5.err());

        SpecCommandTest.Result badTop = predict("--model", "b0", "--weights", weights.toString(), "--image", image.toString(), "--top", "0");
        assertEquals(2, badTop.code());
        assertFalse(badTop.err().contains("Exception"), badTop.err());
    }
}
