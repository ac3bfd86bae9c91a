package org.vigil.regulation;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes a deadline with the offset of the entity's zone on that date (C2), even where the application sets
 * {@code spring.jackson.time-zone}, which would otherwise shift it to the context zone.
 */
final class OwnOffsetSerializer extends StdSerializer<OffsetDateTime> {

    OwnOffsetSerializer() {
        super(OffsetDateTime.class);
    }

    @Override
    public void serialize(OffsetDateTime value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        generator.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
    }
}
