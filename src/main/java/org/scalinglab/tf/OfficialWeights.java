package org.scalinglab.tf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.scalinglab.scaling.OfficialModel;

/**
 * The published Keras ImageNet weight files of EfficientNet-B0..B7: their names, where they live and their md5
 * (keras/src/applications/efficientnet.py, WEIGHTS_HASHES).
 */
public final class OfficialWeights {
    public static final String BASE_URL = "https://storage.googleapis.com/keras-applications/";

    private static final Map<String, String> MD5 = new LinkedHashMap<>();

    static {
        hashes(OfficialModel.B0, "902e53a9f72be733fc0bcb005b3ebbac", "50bc09e76180e00e4465e1a485ddc09d");
        hashes(OfficialModel.B1, "1d254153d4ab51201f1646940f018540", "74c4e6b3e1f6a1eea24c589628592432");
        hashes(OfficialModel.B2, "b15cce36ff4dcbd00b6dd88e7857a6ad", "111f8e2ac8aa800a7a99e3239f7bfb39");
        hashes(OfficialModel.B3, "ffd1fdc53d0ce67064dc6a9c7960ede0", "af6d107764bb5b1abb91932881670226");
        hashes(OfficialModel.B4, "18c95ad55216b8f92d7e70b3a046e2fc", "ebc24e6d6c33eaebbd558eafbeedf1ba");
        hashes(OfficialModel.B5, "ace28f2a6363774853a83a0b21b9421a", "38879255a25d3c92d5e44e04ae6cec6f");
        hashes(OfficialModel.B6, "165f6e37dce68623721b423839de8be5", "9ecce42647a20130c1f39a5d4cb75743");
        hashes(OfficialModel.B7, "8c03f828fec3ef71311cd463b6759d99", "cbcfe4450ddf6f3ad90b1b398090fe4a");
    }

    private OfficialWeights() {
    }

    private static void hashes(OfficialModel m, String top, String notop) {
        MD5.put(fileName(m, true), top);
        MD5.put(fileName(m, false), notop);
    }

    /** "efficientnetb0.h5" or "efficientnetb0_notop.h5". */
    public static String fileName(OfficialModel m, boolean includeTop) {
        return "efficientnet" + m.id() + (includeTop ? "" : "_notop") + ".h5";
    }

    /** File name to md5 (lower-case hex) of all sixteen files. */
    public static Map<String, String> md5s() {
        return java.util.Collections.unmodifiableMap(MD5);
    }

    /** The md5 of a file's bytes, lower-case hex. */
    public static String md5Of(Path file) throws IOException {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no MD5", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) md5.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    /** The file name whose official md5 this is, or null. */
    public static String nameOfMd5(String md5) {
        String m = md5.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> e : MD5.entrySet()) if (e.getValue().equals(m)) return e.getKey();
        return null;
    }
}
