package org.vigil.regulation;

/** The rule catalog is unreadable or inconsistent; the message names the entry so the application refuses to start. */
public class CatalogException extends RuntimeException {

    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
