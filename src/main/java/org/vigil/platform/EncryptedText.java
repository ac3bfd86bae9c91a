package org.vigil.platform;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.springframework.stereotype.Component;

/** JPA converter for columns that may hold patient data: {@code @Convert(converter = EncryptedText.class)}. */
@Component
@Converter
public class EncryptedText implements AttributeConverter<String, String> {

    private final FieldEncryption encryption;

    EncryptedText(FieldEncryption encryption) {
        this.encryption = encryption;
    }

    @Override
    public String convertToDatabaseColumn(String plaintext) {
        return encryption.encrypt(plaintext);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return encryption.decrypt(stored);
    }
}
