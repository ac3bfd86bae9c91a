package org.vigil.regulation;

import org.springframework.modulith.NamedInterface;

/** A request that cannot be planned; {@link #field()} names the offending field for the 400 problem body. */
@NamedInterface("api")
public class InvalidPlanRequestException extends RuntimeException {

    private final String field;

    public InvalidPlanRequestException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
