package io.millwright.kit.target;

import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import io.millwright.kit.error.Failures;
import io.millwright.kit.error.TargetRejectedException;
import io.millwright.kit.error.TargetUnavailableException;

/**
 * The one place that says what an HTTP answer of another system means: 2xx is an answer; 408, 429, 5xx and no answer
 * at all are worth trying again later ({@link TargetUnavailableException}); any other status is a refusal that
 * sending the same request again will not change ({@link TargetRejectedException}).
 */
public final class HttpAnswers {

    /** How much of a refusal's body goes into the reason an operator reads. */
    static final int BODY_EXCERPT = 300;

    private HttpAnswers() {
    }

    /**
     * Sends a request and reads a 2xx answer with {@code answer}; any other outcome is thrown as described above.
     *
     * @param target the target system's name ({@code millwright.kit.targets.<target>})
     * @param what what is sent, for the reason an operator reads ("work order PO-1")
     */
    public static <T> T exchange(String target, String what, Supplier<Response> send, Function<Response, T> answer) {
        Response response;
        try {
            response = send.get();
        } catch (WebApplicationException e) {
            // the REST client's default mapper throws on 4xx/5xx; the status is still the answer
            response = e.getResponse();
        } catch (ProcessingException e) {
            throw noAnswer(target, what, e);
        }
        if (response == null) {
            throw new TargetUnavailableException(target, target + " gave no answer to " + what, null);
        }
        try {
            if (isSuccess(response.getStatus())) {
                return answer.apply(response);
            }
            throw failure(target, what, response);
        } finally {
            response.close();
        }
    }

    /** The failure a non-2xx answer stands for. */
    public static RuntimeException failure(String target, String what, Response response) {
        int status = response.getStatus();
        String message = target + " answered " + status + " to " + what + excerpt(response);
        return isWorthRetrying(status) ? new TargetUnavailableException(target, message, null) : new TargetRejectedException(target, message);
    }

    /** The request did not get an answer: no connection, a timeout, a broken stream. */
    public static TargetUnavailableException noAnswer(String target, String what, Throwable cause) {
        return new TargetUnavailableException(target, target + " did not answer " + what + ": " + Failures.reason(rootCause(cause)), cause);
    }

    public static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    /** 408 Request Timeout, 429 Too Many Requests and every 5xx: the same request may succeed later. */
    public static boolean isWorthRetrying(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    private static String excerpt(Response response) {
        try {
            if (!response.hasEntity()) {
                return "";
            }
            response.bufferEntity();
            String body = response.readEntity(String.class);
            if (body == null || body.isBlank()) {
                return "";
            }
            String text = body.strip().replaceAll("\\s+", " ");
            return ": " + (text.length() > BODY_EXCERPT ? text.substring(0, BODY_EXCERPT) + "..." : text);
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
