package io.github.hfcontacts.contract.prism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The command lines both launchers give Prism ({@link PrismProcess} and {@link PrismContainer}
 * share {@link PrismMocks#arguments}): a mock, or a validating proxy to an upstream on the host's
 * loopback, which the container reaches through host networking.
 */
class PrismArgumentsTest {

    private final PrismConfig mock = PrismConfig.forSpec(Path.of("spec.yaml"));

    @Test
    void aMockServesTheDocumentOnLoopbackWithErrors() {
        assertThat(PrismMocks.arguments(mock, 4010, "/prism/openapi.yaml")).containsExactly("mock", "-h",
                "127.0.0.1", "-p", "4010", "--errors", "--multiprocess=false", "/prism/openapi.yaml");
        assertThat(PrismMocks.arguments(mock.withDynamic(true), 4010, "s.yaml")).contains("-d");
    }

    @Test
    void aProxyForwardsToItsUpstreamAndValidatesWithErrors() {
        PrismConfig proxy = mock.withUpstream("http://127.0.0.1:5000/api/1.1/json");

        assertThat(proxy.proxy()).isTrue();
        assertThat(PrismMocks.arguments(proxy, 4011, "/prism/openapi.yaml")).isEqualTo(List.of("proxy", "-h",
                "127.0.0.1", "-p", "4011", "--errors", "--multiprocess=false", "/prism/openapi.yaml",
                "http://127.0.0.1:5000/api/1.1/json"));
        assertThat(proxy.withMode(PrismMode.DOCKER).upstream()).isEqualTo(proxy.upstream());
        assertThatIllegalArgumentException().isThrownBy(() -> proxy.withDynamic(true))
                .withMessageContaining("proxy");
    }
}
