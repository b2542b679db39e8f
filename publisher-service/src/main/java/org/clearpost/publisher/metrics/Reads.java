package org.clearpost.publisher.metrics;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.clearpost.publisher.network.NetworkHttp;
import org.clearpost.publisher.network.PublishResult;

/** A metrics read is safe to repeat: every call that got no answer is tried again later. */
final class Reads {

    private Reads() {
    }

    /** Thrown with the retry a call that got no answer means. */
    static final class NoAnswer extends Exception {

        final transient SampleResult.Retry retry;

        NoAnswer(SampleResult.Retry retry) {
            super(retry.reason(), null, false, false);
            this.retry = retry;
        }
    }

    static HttpResponse<String> get(NetworkHttp http, String network, HttpRequest.Builder request) throws NoAnswer {
        try {
            return http.exchange(network, request.GET());
        } catch (NetworkHttp.CallFailed e) {
            // A lost answer to a read publishes nothing: unlike a post, it is simply read again.
            String reason = e.result() instanceof PublishResult.Retry retry ? retry.reason()
                    : ((PublishResult.Failed) e.result()).reason().replace(
                            "; check the network before publishing again", "");
            throw new NoAnswer(new SampleResult.Retry(reason, null));
        }
    }
}
