package org.vigil.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.EventCartridge;

/**
 * Velocity templates under {@code templates/documents/}, rendered to XHTML and from it to PDF. Facts are data in
 * the context, never template text; dates are written out in the company's zone ("March 3, 2026").
 */
final class DocumentRenderer {

    static final String FONT_FAMILY = "DejaVu Sans";
    /** The documents' macros ({@code #documentStart}, {@code #contactBlock}, ...), a macro library of the engine. */
    static final String LAYOUT = TemplatesOnlyIncludeHandler.ROOT + "layout.vm";
    private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MMMM d, yyyy, h:mm a z", Locale.US);

    static {
        // The PDF renderer logs a few lines per document at INFO on its own console logger: warnings only.
        com.openhtmltopdf.util.XRLog.listRegisteredLoggers()
                .forEach(logger -> com.openhtmltopdf.util.XRLog.setLevel(logger, java.util.logging.Level.WARNING));
    }

    private final VelocityEngine velocity;
    private final ZoneId zone;
    private final Map<String, Object> company;
    private final byte[] regularFont;
    private final byte[] boldFont;

    /**
     * {@code velocity} is the application's engine (strict, no reflection: {@code platform.VelocityTemplates}) with
     * {@link #LAYOUT} among its macro libraries.
     */
    DocumentRenderer(VelocityEngine velocity, CompanyFacts company, ZoneId zone) {
        this.velocity = velocity;
        this.zone = zone;
        this.company = company == null ? new LinkedHashMap<>() : company.asFacts();
        if (company != null && company.logo() != null && !company.logo().isBlank()) {
            this.company.put("logo", dataUri(company.logo()));
        }
        regularFont = resource(FONTS + "DejaVuSans.ttf");
        boldFont = resource(FONTS + "DejaVuSans-Bold.ttf");
    }

    /** The facts with the company's merged in, as the templates and the missing-facts check see them. */
    Map<String, Object> withCompany(Map<String, ?> facts) {
        var all = new LinkedHashMap<String, Object>(facts);
        var merged = new LinkedHashMap<>(company);
        if (facts.get("company") instanceof Map<?, ?> overrides) {
            overrides.forEach((key, value) -> merged.put(String.valueOf(key), value));
        }
        all.put("company", merged);
        return all;
    }

    List<String> missingFacts(DocumentKind kind, Map<String, ?> facts) {
        Map<String, Object> all = withCompany(facts);
        List<String> missing = new ArrayList<>();
        for (String required : kind.requiredFacts()) {
            var alternatives = List.of(required.split("\\|"));
            if (alternatives.stream().allMatch(path -> isBlank(valueAt(all, path)))) {
                missing.add(String.join(" or ", alternatives));
            }
        }
        kind.requiredWhen().forEach((flag, paths) -> {
            if (Boolean.TRUE.equals(valueAt(all, flag))) {
                paths.stream().filter(path -> isBlank(valueAt(all, path))).forEach(missing::add);
            }
        });
        return missing;
    }

    String html(DocumentKind kind, Map<String, ?> facts) {
        List<String> missing = missingFacts(kind, facts);
        if (!missing.isEmpty()) {
            throw new MissingFactsException(kind, missing);
        }
        Template template = velocity.getTemplate(TemplatesOnlyIncludeHandler.ROOT + kind.template() + ".vm", "UTF-8");
        var out = new StringWriter(4096);
        template.merge(escaping(new VelocityContext(readable(withCompany(facts)))), out);
        return out.toString();
    }

    /** The configured engine, for tests that prove what a template cannot do. */
    VelocityEngine engine() {
        return velocity;
    }

    /**
     * Every value a document inserts is HTML-escaped, and its {@code #parse} and {@code #include} stay within
     * {@code templates/documents/}: set on each context here, the one place documents are merged.
     */
    static VelocityContext escaping(VelocityContext context) {
        var cartridge = new EventCartridge();
        cartridge.addEventHandler(new EscapingInsertionHandler());
        cartridge.addEventHandler(new TemplatesOnlyIncludeHandler());
        cartridge.attachToContext(context);
        return context;
    }

    void pdf(String html, OutputStream out) {
        try {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> new java.io.ByteArrayInputStream(regularFont), FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new java.io.ByteArrayInputStream(boldFont), FONT_FAMILY, 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the PDF", e);
        }
    }

    byte[] pdf(String html) {
        var out = new ByteArrayOutputStream(32 * 1024);
        pdf(html, out);
        return out.toByteArray();
    }

    /** Dates and times written out for people; nested maps and lists alike. */
    Map<String, Object> readable(Map<String, ?> facts) {
        var result = new LinkedHashMap<String, Object>();
        facts.forEach((key, value) -> result.put(key, readableValue(value)));
        return result;
    }

    @SuppressWarnings("unchecked")
    private Object readableValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return readable((Map<String, ?>) map);
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(this::readableValue).toList();
        }
        if (value instanceof LocalDate date) {
            return DATE.format(date);
        }
        if (value instanceof Instant instant) {
            return DATE_TIME.format(instant.atZone(zone));
        }
        if (value instanceof OffsetDateTime time) {
            return DATE_TIME.format(time.atZoneSameInstant(zone));
        }
        if (value instanceof ZonedDateTime time) {
            return DATE_TIME.format(time.withZoneSameInstant(zone));
        }
        return value;
    }

    static Object valueAt(Map<String, ?> facts, String path) {
        Object current = facts;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private static boolean isBlank(Object value) {
        return value == null
                || (value instanceof CharSequence text && text.toString().isBlank())
                || (value instanceof Collection<?> values && values.isEmpty());
    }

    private static String dataUri(String classpathResource) {
        String type = classpathResource.endsWith(".svg") ? "image/svg+xml" : "image/png";
        return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(resource(classpathResource.startsWith("/") ? classpathResource : "/" + classpathResource));
    }

    private static byte[] resource(String path) {
        try (InputStream in = DocumentRenderer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
