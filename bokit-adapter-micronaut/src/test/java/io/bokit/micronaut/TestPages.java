package io.bokit.micronaut;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** The host's pages in the server tests: a page with a status, a body and a header of its own. */
@Controller
@Requires(property = TestPages.ENABLED, value = "true")
final class TestPages {
    static final String ENABLED = "bokit-test.pages";
    static final String BODY = "<h1>Sea View</h1>";

    @Get("/page")
    HttpResponse<String> page() {
        return HttpResponse.status(HttpStatus.CREATED)
                .header("X-Page", "sea-view")
                .body(BODY);
    }
}
