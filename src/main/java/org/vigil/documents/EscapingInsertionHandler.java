package org.vigil.documents;

import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;
import org.springframework.web.util.HtmlUtils;

/**
 * Escapes every value a template inserts, for HTML and XHTML (which the PDF is rendered from). Set by DocumentRenderer
 * on the context of every document, the one place documents are merged,
 * so no template can forget it: a name such as {@code <script>} or {@code $class.forName} prints as text.
 */
final class EscapingInsertionHandler implements ReferenceInsertionEventHandler {

    @Override
    public Object referenceInsert(Context context, String reference, Object value) {
        return value == null ? null : HtmlUtils.htmlEscape(value.toString(), "UTF-8");
    }
}
