package org.scalinglab.tf;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.tensorflow.engine.javacpp.JavacppUtils;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.arch.WeightLayout;
import org.tensorflow.proto.ConfigProto;

/**
 * An EfficientNet ready to run: built from a spec and Keras weights, exported as a SavedModel (cached on disk, see
 * {@link SavedModelCache}) and run through DJL's TensorFlow engine on the GPU when TensorFlow sees one, else the CPU.
 *
 * <p>Inputs are RGB pixels 0..255, NHWC, of any size from 32 to 2048 pixels per side (the graph's spatial size is
 * dynamic; the spec's resolution is only the size the network was designed for). The network's own input pipeline
 * (÷255, Normalization, the ImageNet rescale) is part of the graph.
 *
 * <p>Thread safety: every method is synchronized, so one instance can be shared between threads (e.g. the UI's
 * worker and a CLI thread); calls run one at a time. {@link #close()} frees the native models; later calls fail with
 * IllegalStateException.
 */
public final class EfficientNetModel implements AutoCloseable {
    public static final int MIN_SIZE = NetworkSpec.MIN_RESOLUTION;
    public static final int MAX_SIZE = NetworkSpec.MAX_RESOLUTION;
    /** Pass as {@link #camData}'s class index to explain the image's top-1 class. */
    public static final int TOP1 = -1;

    /** Logits and softmax probabilities of one forward pass, [N][classes] each. */
    public record Predictions(float[][] logits, float[][] probabilities) {
    }

    private final NetworkSpec spec;
    private final Path modelDir;
    private final ModelOptions options;
    private ZooModel<Map<String, FloatTensor>, Map<String, FloatTensor>> serving;
    private Predictor<Map<String, FloatTensor>, Map<String, FloatTensor>> servingPredictor;
    private String camLayer;
    private boolean closed;
    private ZooModel<Map<String, FloatTensor>, Map<String, FloatTensor>> cam;
    private Predictor<Map<String, FloatTensor>, Map<String, FloatTensor>> camPredictor;

    private EfficientNetModel(NetworkSpec spec, Path modelDir, ModelOptions options) {
        this.spec = spec;
        this.modelDir = modelDir;
        this.options = options;
    }

    /**
     * Builds (or finds in the cache) the SavedModel of this network; each signature loads on first use.
     *
     * @throws IllegalArgumentException when the weights do not fit the spec (names the layers)
     */
    public static EfficientNetModel load(NetworkSpec spec, KerasWeights weights, ModelOptions options) {
        weights.checkAgainst(WeightLayout.of(spec, true));
        TfRuntime.ensureLoaded();
        long t0 = System.nanoTime();
        boolean rescale = options.imagenetFix() && weights.imagenetStatistics();
        Path dir = SavedModelCache.getOrExport(spec, weights, rescale, options.cacheDir());
        EfficientNetModel model = new EfficientNetModel(spec, dir, options);
        LoggerFactory.getLogger(EfficientNetModel.class).debug("SavedModel {} found or exported in {} ms", dir.getFileName(),
                (System.nanoTime() - t0) / 1_000_000);
        return model;
    }

    public NetworkSpec spec() {
        return spec;
    }

    /** The SavedModel folder in use. */
    public Path modelDir() {
        return modelDir;
    }

    /** Layers {@link #camData} accepts: every block output and top_activation. */
    public List<String> camLayers() {
        return spec.camLayers();
    }

    /** "GPU (...)" or "CPU": where TensorFlow runs the network. */
    public String device() {
        return TfRuntime.device();
    }

    /** Pre-softmax logits, [N][classes], of N images [N][H][W][3] with pixels 0..255. */
    public float[][] logits(float[][][][] pixels) {
        return predict(pixels).logits();
    }

    /** Softmax probabilities, [N][classes]. */
    public float[][] probabilities(float[][][][] pixels) {
        return predict(pixels).probabilities();
    }

    /** Logits and probabilities from one forward pass. */
    public synchronized Predictions predict(float[][][][] pixels) {
        FloatTensor images = checkedImages(pixels);
        Map<String, FloatTensor> out = run(servingPredictor(), Map.of(Signatures.IMAGE, images));
        return new Predictions(out.get(Signatures.LOGITS).rows(), out.get(Signatures.PROBABILITIES).rows());
    }

    /**
     * Logits of one image [H][W][3], the activations of {@code layer} and the gradient of class {@code classIndex}'s
     * pre-softmax logit with respect to them, all from one run. {@code classIndex} {@link #TOP1} explains the image's
     * top-1 class, chosen inside the graph from the same logits, and the result says which class that was. The first
     * call for a layer loads that layer's signature (the export already holds every CAM layer); switching layers
     * closes the previous one.
     */
    public synchronized CamData camData(float[][][] image, String layer, int classIndex) {
        if (layer == null || !spec.camLayers().contains(layer)) {
            throw new IllegalArgumentException("unknown CAM layer '" + layer + "'; valid layers: " + String.join(", ", spec.camLayers()));
        }
        if (classIndex != TOP1 && (classIndex < 0 || classIndex >= spec.classes())) {
            throw new IllegalArgumentException("class index must be between 0 and " + (spec.classes() - 1) + ", got " + classIndex);
        }
        FloatTensor images = checkedImages(new float[][][][] {image});
        float[] target = new float[spec.classes()]; // all zero: the graph picks the top-1 class
        if (classIndex != TOP1) target[classIndex] = 1f;
        Map<String, FloatTensor> inputs = new LinkedHashMap<>();
        inputs.put(Signatures.IMAGE, images);
        inputs.put(Signatures.TARGET, new FloatTensor(target, new long[] {1, spec.classes()}));
        Map<String, FloatTensor> out = run(camPredictor(layer), inputs);
        int explained = Math.round(out.get(Signatures.CLASS).data()[0]);
        return new CamData(out.get(Signatures.LOGITS).rows()[0], out.get(Signatures.ACTIVATIONS).image(0),
                out.get(Signatures.GRADIENTS).image(0), layer, explained);
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeCam();
        if (servingPredictor != null) servingPredictor.close();
        if (serving != null) serving.close();
        servingPredictor = null;
        serving = null;
    }

    /** The serving signature, loaded on first use: a CAM needs only its own signature, which predicts too. */
    private Predictor<Map<String, FloatTensor>, Map<String, FloatTensor>> servingPredictor() {
        if (closed) throw new IllegalStateException("the model is closed");
        if (servingPredictor == null) {
            serving = open(Signatures.SERVING);
            servingPredictor = serving.newPredictor();
        }
        return servingPredictor;
    }

    private Predictor<Map<String, FloatTensor>, Map<String, FloatTensor>> camPredictor(String layer) {
        if (closed) throw new IllegalStateException("the model is closed");
        if (!layer.equals(camLayer)) {
            closeCam();
            cam = open(Signatures.gradcam(layer));
            camPredictor = cam.newPredictor();
            camLayer = layer;
        }
        return camPredictor;
    }

    private void closeCam() {
        if (camPredictor != null) camPredictor.close();
        if (cam != null) cam.close();
        camPredictor = null;
        cam = null;
        camLayer = null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private ZooModel<Map<String, FloatTensor>, Map<String, FloatTensor>> open(String signature) {
        Criteria.Builder<Map, Map> builder = Criteria.builder().setTypes(Map.class, Map.class)
                .optModelPath(modelDir).optEngine("TensorFlow").optOption("SignatureDefKey", signature)
                .optTranslator((ai.djl.translate.Translator) new SignatureTranslator());
        builder.optOption("ConfigProto", Base64.getEncoder().encodeToString(sessionConfig(options).toByteArray()));
        try {
            return (ZooModel<Map<String, FloatTensor>, Map<String, FloatTensor>>) (ZooModel) builder.build().loadModel();
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new IllegalStateException("could not load the SavedModel in " + modelDir + " (" + signature + "): " + e.getMessage(), e);
        }
    }

    /** DJL's default session config (GPU visibility, soft placement) plus our threads and Grappler choice; GPU memory grows on demand. */
    static ConfigProto sessionConfig(ModelOptions options) {
        ConfigProto.Builder config = JavacppUtils.getSessionConfig().toBuilder();
        if (options.intraOpThreads() > 0) config.setIntraOpParallelismThreads(options.intraOpThreads());
        if (options.interOpThreads() > 0) config.setInterOpParallelismThreads(options.interOpThreads());
        config.getGpuOptionsBuilder().setAllowGrowth(true);
        if (!options.graphRewrites()) config.getGraphOptionsBuilder().getRewriteOptionsBuilder().setDisableMetaOptimizer(true);
        return config.build();
    }

    private static Map<String, FloatTensor> run(Predictor<Map<String, FloatTensor>, Map<String, FloatTensor>> predictor,
                                                Map<String, FloatTensor> inputs) {
        Map<String, FloatTensor> out;
        try {
            out = predictor.predict(inputs);
        } catch (TranslateException e) {
            throw new IllegalStateException("TensorFlow failed: " + e.getMessage(), e);
        }
        for (Map.Entry<String, FloatTensor> e : out.entrySet()) {
            for (float v : e.getValue().data()) {
                if (!Float.isFinite(v)) {
                    throw new IllegalStateException("the network's " + e.getKey() + " are not numbers (NaN or infinite): its weights"
                            + " cannot be used (a training that diverged?)");
                }
            }
        }
        return out;
    }

    private static FloatTensor checkedImages(float[][][][] pixels) {
        FloatTensor t = FloatTensor.ofImages(pixels);
        long h = t.shape()[1], w = t.shape()[2], c = t.shape()[3];
        if (c != 3) throw new IllegalArgumentException("images must have 3 channels (RGB), got " + c);
        if (h < MIN_SIZE || w < MIN_SIZE || h > MAX_SIZE || w > MAX_SIZE) {
            throw new IllegalArgumentException("images must be between " + MIN_SIZE + " and " + MAX_SIZE + " pixels per side, got "
                    + w + "x" + h);
        }
        return t;
    }
}
