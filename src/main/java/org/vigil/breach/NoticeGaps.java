package org.vigil.breach;

import java.util.List;
import java.util.Set;
import org.vigil.documents.DocumentKind;

/**
 * What a notice still lacks, as the privacy officer reads it on the notices page: the document by its name ("individual
 * notice"), each missing fact in plain words ({@link DocumentKind#inPlainWords}) and where she supplies it. Names of
 * facts only, never their values.
 */
final class NoticeGaps {

    /** One fact the document lacks: its key (for tests and API clients), in words, and where it is supplied. */
    record Gap(String fact, String words, String where) {}

    /** A document of an obligation: renderable once nothing is missing, and only then offered as a preview. */
    record Document(String kind, String title, boolean renderable, List<Gap> missing) {}

    static final String PREPARE_THE_NOTICE = "in the task 'Prepare the notice'";

    /** Facts written in "Prepare the notice" (NoticeText), and those the documents derive from its "what we are doing". */
    private static final Set<String> PREPARED = Set.of("whatHappened", "stepsForIndividuals", "whatWeAreDoing", "consequences",
            "safeguards", "delayReasons", "breachType", "breachLocation", "entityType", "agOffice", "measures", "actionsTaken");
    private static final Set<String> COUNTED = Set.of("affectedCount", "affectedInJurisdiction", "approxDataSubjects", "approxRecords",
            "unreachableCount");

    private NoticeGaps() {}

    static Document of(DocumentKind kind, List<String> missing) {
        return new Document(kind.template(), kind.title(), missing.isEmpty(),
                missing.stream().map(fact -> new Gap(fact, DocumentKind.inPlainWords(fact), where(fact))).toList());
    }

    /**
     * The page a browser gets for a preview that cannot be rendered yet (a link opened in a new tab, a bookmark): what
     * the document lacks and where to supply it, in words, never the problem body an API client gets. Every value is
     * escaped; none is PHI (names of facts, codes of the rule catalog).
     */
    static String notReadyPage(long incidentId, String recipient, Document document) {
        var items = new StringBuilder();
        document.missing().forEach(gap -> items.append("    <li>").append(escape(gap.words())).append(": ")
                .append(escape(gap.where())).append("</li>\n"));
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>Vigil · Notice not ready</title>
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <link rel="stylesheet" href="/look/vigil.css">
                </head>
                <body>
                <nav class="vigil-bar" aria-label="Vigil">
                  <a class="vigil-name" href="/camunda/app/tasklist/">Vigil</a>
                  <a href="/camunda/app/tasklist/">Tasklist</a>
                  <a href="/notices/">Breach notices</a>
                </nav>
                <main class="card" id="problem" data-status="422">
                  <h1>This notice cannot be shown yet</h1>
                  <p>The %s to %s lacks:</p>
                  <ul id="missing">
                %s  </ul>
                  <p><a id="to-notices" href="/notices?incident=%d">Back to the notices of incident %d</a></p>
                  <p><a id="to-tasklist" href="/camunda/app/tasklist/">Back to Tasklist</a></p>
                </main>
                </body>
                </html>
                """.formatted(escape(document.title()), escape(recipient), items, incidentId, incidentId);
    }

    private static String escape(String text) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(text == null ? "" : text);
    }

    /** Where the privacy office supplies a fact; of alternatives ("a postal address or an e-mail address"), the first's. */
    static String where(String fact) {
        String first = fact.split("\\|| or ")[0].strip();
        if (first.startsWith("company.")) {
            // The words name the setting already ("... (setting vigil.documents.company.email)").
            return "in Vigil's settings, by whoever runs Vigil";
        }
        if (PREPARED.contains(first)) {
            return PREPARE_THE_NOTICE;
        }
        if (first.startsWith("recipient.") || first.equals("individuals") || first.equals("coveredEntity")) {
            return "in the list of affected individuals (upload it above)";
        }
        if (COUNTED.contains(first)) {
            return "in the counts above (the list, or the counts corrected by hand)";
        }
        return switch (first) {
            case "breachDate", "discoveryDate" -> "in the incident's report";
            case "phiTypes", "recordCategories", "awarenessAt" -> "in the investigation";
            default -> "in the incident's record";
        };
    }
}
