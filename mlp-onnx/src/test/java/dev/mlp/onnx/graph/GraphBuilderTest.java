package dev.mlp.onnx.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphBuilderTest {

    @Test
    void nodeAttributesAreKeptInNameOrderWhateverOrderTheyCameIn() {
        Map<String, Object> backwards = new LinkedHashMap<>();
        backwards.put("keepdims", 0L);
        backwards.put("axis", 1L);
        backwards.put("alpha", 0.5);
        Map<String, Object> forwards = new LinkedHashMap<>();
        forwards.put("alpha", 0.5);
        forwards.put("axis", 1L);
        forwards.put("keepdims", 0L);
        GraphBuilder a = new GraphBuilder(17);
        a.node("ArgMax", List.of("x"), backwards);
        GraphBuilder b = new GraphBuilder(17);
        b.node("ArgMax", List.of("x"), forwards);
        List<String> names = List.copyOf(a.nodes().get(0).attributes().keySet());
        assertEquals(List.of("alpha", "axis", "keepdims"), names);
        assertEquals(names, List.copyOf(b.nodes().get(0).attributes().keySet()));
    }
}
