package dev.mlp.core.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlp.core.Mlp;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model file whose weights are not finite is refused at load, naming the number. */
class FiniteWeightsTest {

    @TempDir
    Path dir;

    @Test
    void aNanWeightWithAValidChecksumIsRefusedNamingLayerAndWeight() throws IOException {
        Path f = dir.resolve("m.mlp");
        ModelFile.save(TestModels.classifier(), f);
        ModelInfo info = ModelFile.read(f);
        ModelInfo.Layer second = info.layers().get(1);
        second.weights()[second.neurons() + 1] = Double.NaN; // input 2, neuron 2
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFile.toModel(info, Mlp.standard()));
        assertTrue(e.getMessage().contains("layer 2 weight from input 2 to neuron 2"),
                e.getMessage());
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void anInfiniteBiasIsRefused() throws IOException {
        Path f = dir.resolve("m.mlp");
        ModelFile.save(TestModels.classifier(), f);
        ModelInfo info = ModelFile.read(f);
        info.layers().get(0).biases()[0] = Double.NEGATIVE_INFINITY;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFile.toModel(info, Mlp.standard()));
        assertTrue(e.getMessage().contains("layer 1 bias of neuron 1 is -Infinity"),
                e.getMessage());
    }
}
