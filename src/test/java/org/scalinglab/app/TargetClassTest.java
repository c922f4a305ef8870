package org.scalinglab.app;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetClassTest {
    private static final List<String> NAMES = List.of("tench", "English springer", "cassette player", "chain saw", "church");

    @Test
    void readsTopOneIndicesAndNames() {
        assertNull(TargetClass.parse("", NAMES));
        assertNull(TargetClass.parse(TargetClass.TOP1, NAMES));
        assertEquals(3, TargetClass.parse("3", NAMES));
        assertEquals(3, TargetClass.parse(TargetClass.describe(3, NAMES), NAMES), "what the chooser shows reads back");
        assertEquals(1, TargetClass.parse("springer", NAMES), "part of a name");
        assertEquals(4, TargetClass.parse("CHURCH", NAMES), "an exact name wins, in any case");
    }

    @Test
    void saysWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TargetClass.parse("5", NAMES)).getMessage().contains("0..4"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TargetClass.parse("ch", NAMES)).getMessage()
                .contains("matches 3 classes"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TargetClass.parse("zebra", NAMES)).getMessage()
                .startsWith("no class is called 'zebra'"));
    }
}
