package org.vigil.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Bounds every request body before anything reads it into memory: a body announced larger than its limit is
 * refused with 413 at once, and a chunked one is counted as it is read. JSON and form bodies get the small limit
 * ({@code vigil.http.max-body-size}); the documented uploads ({@code vigil.http.upload-paths}) the file limit of
 * {@code spring.servlet.multipart}, and multipart bodies anywhere (engine deployments too) its request limit.
 */
final class RequestBodyLimitFilter extends OncePerRequestFilter {

    /** A limit and the setting that changes it, named in the refusal. */
    record Limit(long bytes, String setting) {}

    /** Thrown by the counting stream; an {@link IOException} so that readers pass it on as a failed read. */
    static final class BodyTooLargeException extends IOException {
        private final transient Limit limit;

        BodyTooLargeException(Limit limit) {
            super("The request body is larger than " + limit.setting());
            this.limit = limit;
        }
    }

    private final Limit body;
    private final Limit upload;
    private final Limit multipart;
    private final List<PathPattern> uploadPaths;
    private final Problems problems;

    RequestBodyLimitFilter(Limit body, Limit upload, Limit multipart, List<PathPattern> uploadPaths, Problems problems) {
        this.problems = problems;
        this.body = body;
        this.upload = upload;
        this.multipart = multipart;
        this.uploadPaths = uploadPaths;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if (length <= 0 && !chunked) {
            chain.doFilter(request, response);
            return;
        }
        Limit limit = limitFor(request);
        if (length > limit.bytes()) {
            refuse(response, limit);
            return;
        }
        if (length >= 0) {
            // The connector reads no further than the announced length.
            chain.doFilter(request, response);
            return;
        }
        if (limit == body) {
            // Small bodies of unknown length are read here, so that every reader (Jersey's, the orQueries guard's)
            // sees a refusal the same way: before it starts.
            byte[] bytes = readAtMost(request.getInputStream(), limit.bytes() + 1);
            if (bytes.length > limit.bytes()) {
                refuse(response, limit);
                return;
            }
            chain.doFilter(new BodyRequest(request, new ByteArrayInputStream(bytes)), response);
            return;
        }
        try {
            chain.doFilter(new BodyRequest(request, new CountingStream(request.getInputStream(), limit)), response);
        } catch (BodyTooLargeException e) {
            refuse(response, e.limit);
        }
    }

    private Limit limitFor(HttpServletRequest request) {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/")) {
            return multipart;
        }
        var path = PathContainer.parsePath(UrlPathHelper.defaultInstance.getPathWithinApplication(request));
        return uploadPaths.stream().anyMatch(pattern -> pattern.matches(path)) ? upload : body;
    }

    /** The limit a failed read went over (Spring MVC wraps the read's exception), or null when it failed otherwise. */
    static Limit exceeded(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return tooLarge.limit;
            }
        }
        return null;
    }

    static ProblemDetail tooLarge(Limit limit) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + describe(limit));
        problem.setTitle("Request body too large");
        problem.setProperty("limit", limit.setting());
        problem.setProperty("maxBytes", limit.bytes());
        return problem;
    }

    private void refuse(HttpServletResponse response, Limit limit) throws IOException {
        var problem = tooLarge(limit);
        problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE.value(), problem.getTitle(), problem.getDetail(),
                Map.of("limit", limit.setting(), "maxBytes", limit.bytes()));
    }

    private static String describe(Limit limit) {
        long bytes = limit.bytes();
        String size = bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
        return size + " (" + limit.setting() + ")";
    }

    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while (out.size() < max && (read = in.read(buffer, 0, (int) Math.min(buffer.length, max - out.size()))) != -1) {
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    /** Counts what is read and fails the read that goes over the limit. */
    private static final class CountingStream extends InputStream {
        private final InputStream in;
        private final Limit limit;
        private long count;

        CountingStream(InputStream in, Limit limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b != -1) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = in.read(buffer, offset, length);
            if (read > 0) {
                counted(read);
            }
            return read;
        }

        private void counted(int read) throws BodyTooLargeException {
            count += read;
            if (count > limit.bytes()) {
                throw new BodyTooLargeException(limit);
            }
        }
    }

    /** The request with its body served from {@code body}. */
    private static final class BodyRequest extends HttpServletRequestWrapper {
        private final ServletInputStream stream;

        BodyRequest(HttpServletRequest request, InputStream body) {
            super(request);
            this.stream = new ServletInputStream() {
                private boolean finished;

                @Override
                public int read() throws IOException {
                    int b = body.read();
                    finished = b == -1;
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int read = body.read(buffer, offset, length);
                    finished = read == -1;
                    return read;
                }

                @Override
                public boolean isFinished() {
                    return finished;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("Blocking reads only");
                }
            };
        }

        @Override
        public ServletInputStream getInputStream() {
            return stream;
        }

        @Override
        public BufferedReader getReader() {
            Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
            return new BufferedReader(new InputStreamReader(stream, charset));
        }
    }
}
