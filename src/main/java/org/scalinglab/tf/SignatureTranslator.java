package org.scalinglab.tf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Feeds named float tensors to a signature and returns its outputs by name. Inputs are passed in the signature's
 * key order (DJL's TfSymbolBlock sorts them by key and also matches them by name).
 */
final class SignatureTranslator implements NoBatchifyTranslator<Map<String, FloatTensor>, Map<String, FloatTensor>> {

    @Override
    public NDList processInput(TranslatorContext ctx, Map<String, FloatTensor> inputs) {
        NDManager manager = ctx.getNDManager();
        NDList list = new NDList();
        inputs.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            NDArray array = manager.create(e.getValue().data(), new Shape(e.getValue().shape()));
            array.setName(e.getKey());
            list.add(array);
        });
        return list;
    }

    @Override
    public Map<String, FloatTensor> processOutput(TranslatorContext ctx, NDList outputs) {
        Map<String, FloatTensor> out = new LinkedHashMap<>();
        for (NDArray array : outputs) out.put(array.getName(), new FloatTensor(array.toFloatArray(), array.getShape().getShape()));
        return out;
    }
}
