package io.bokit.spring;

import org.springframework.boot.WebApplicationType;

/** The behaviour suite in a Spring WebFlux application on Netty: the trigger, the endpoint and the exports alike. */
class SpringWebFluxHostAdapterContractTest extends SpringHostAdapterContractTest {
    @Override
    WebApplicationType webApplicationType() {
        return WebApplicationType.REACTIVE;
    }
}
