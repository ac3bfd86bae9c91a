package org.vigil.documents;

import org.apache.velocity.app.event.IncludeEventHandler;
import org.apache.velocity.context.Context;

/**
 * Lets {@code #parse} and {@code #include} reach Vigil's own document templates and nothing else: no other classpath
 * resource, no path climbing out with {@code ..}. The shipped templates use neither; this keeps it so.
 */
final class TemplatesOnlyIncludeHandler implements IncludeEventHandler {

    static final String ROOT = "templates/documents/";

    @Override
    public String includeEvent(Context context, String includeResourcePath, String currentResourcePath, String directiveName) {
        String path = includeResourcePath.startsWith("/") ? includeResourcePath.substring(1) : includeResourcePath;
        return path.startsWith(ROOT) && !path.contains("..") && !path.contains("\\") ? path : null;
    }
}
