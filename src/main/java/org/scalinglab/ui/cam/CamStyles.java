package org.scalinglab.ui.cam;

/** The style sheet of the CAM tab's numbers, agreement and folder views (kept apart from the window's main sheet). */
final class CamStyles {
    static final String URL = CamStyles.class.getResource("cam-numbers.css").toExternalForm();

    private CamStyles() {
    }
}
