package org.vigil.managementreview.spi;

import java.time.Instant;
import java.util.List;

/**
 * A capability's input to a review, as read at {@code readAt} from {@code source} (the capability, in words).
 * {@code available} is false, with a note saying why, when the capability cannot answer yet.
 */
public record ReviewInput(String key, String title, String isoInput, String source, Instant readAt, boolean available,
        List<ReviewFigure> figures, List<ReviewItem> items, List<String> notes) {}
