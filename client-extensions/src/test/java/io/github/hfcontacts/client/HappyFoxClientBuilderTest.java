package io.github.hfcontacts.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HappyFoxClientBuilderTest {
  private static HappyFoxClient.Builder acme() {
    return HappyFoxClient.builder().account("acme").credentials("key", "code");
  }

  private static String baseUrlOf(HappyFoxClient.Builder builder) {
    try (HappyFoxClient client = builder.build()) {
      return client.transport().baseUrl().toString();
    }
  }

  private static IllegalArgumentException invalid(HappyFoxClient.Builder builder) {
    return Thrown.by(IllegalArgumentException.class, builder::build);
  }

  @Test
  void usAccountUsesHappyFoxCom() {
    assertThat(baseUrlOf(acme())).isEqualTo("https://acme.happyfox.com/api/1.1/json/");
  }

  @Test
  void euAccountUsesHappyFoxNet() {
    assertThat(baseUrlOf(HappyFoxClient.builder().euAccount("acme").credentials("k", "c")))
        .isEqualTo("https://acme.happyfox.net/api/1.1/json/");
    assertThat(baseUrlOf(HappyFoxClient.builder().account("Acme", Region.EU).credentials("k", "c")))
        .isEqualTo("https://acme.happyfox.net/api/1.1/json/");
  }

  @Test
  void customDomainGetsTheApiPath() {
    assertThat(baseUrlOf(
            HappyFoxClient.builder().customDomain("support.example.com").credentials("k", "c")))
        .isEqualTo("https://support.example.com/api/1.1/json/");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://support.example.com",
      "https://support.example.com/",
      "https://support.example.com/api/1.1/json",
      "https://support.example.com/api/1.1/json/"})
  void baseUrlAlwaysEndsWithTheApiPathAndASlash(String url) {
    assertThat(baseUrlOf(HappyFoxClient.builder().baseUrl(url).credentials("k", "c")))
        .isEqualTo("https://support.example.com/api/1.1/json/");
  }

  @Test
  void baseUrlKeepsAPrefixPath() {
    assertThat(baseUrlOf(
            HappyFoxClient.builder().baseUrl("https://proxy.example.com/hf").credentials("k", "c")))
        .isEqualTo("https://proxy.example.com/hf/api/1.1/json/");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "acme corp", "-acme", "acme-", "acme.evil.com", "acme/x", "ac_me"})
  void accountMustBeADnsLabel(String account) {
    assertThat(invalid(HappyFoxClient.builder().account(account).credentials("k", "c")))
        .hasMessageStartingWith("account must be a DNS label");
  }

  @ParameterizedTest
  @ValueSource(strings = {"example", "https://support.example.com", "support.example.com:8443",
      "support.example.com/x", "sup port.example.com"})
  void customDomainMustBeAHostName(String host) {
    assertThat(invalid(HappyFoxClient.builder().customDomain(host).credentials("k", "c")))
        .hasMessageStartingWith("customDomain must be a host name");
  }

  @Test
  void twoHostsAreRefused() {
    IllegalStateException e = Thrown.by(IllegalStateException.class,
        acme().baseUrl("https://support.example.com")::build);

    assertThat(e).hasMessage("exactly one of account(), euAccount(), customDomain() or baseUrl() "
        + "may be called, but these were: account, baseUrl");
  }

  @Test
  void aHostIsRequired() {
    assertThat(Thrown.by(IllegalStateException.class,
            HappyFoxClient.builder().credentials("k", "c")::build))
        .hasMessage("one of account(), euAccount(), customDomain() or baseUrl() must be called");
  }

  @Test
  void credentialsAreRequired() {
    assertThat(Thrown.by(IllegalStateException.class, HappyFoxClient.builder().account("a")::build))
        .hasMessage("credentials(apiKey, authCode) must be called");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t"})
  void blankApiKeyIsRefused(String blank) {
    assertThat(invalid(HappyFoxClient.builder().account("acme").credentials(blank, "code")))
        .hasMessage("apiKey must not be blank");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\n"})
  void blankAuthCodeIsRefused(String blank) {
    assertThat(invalid(HappyFoxClient.builder().account("acme").credentials("key", blank)))
        .hasMessage("authCode must not be blank");
  }

  @Test
  void malformedCredentialsAreRefusedNamingWhich() {
    assertThat(invalid(HappyFoxClient.builder().account("a").credentials("k:1", "c")))
        .hasMessageStartingWith("apiKey must not contain ':'");
    assertThat(invalid(HappyFoxClient.builder().account("a").credentials("key\n", "c")))
        .hasMessage("apiKey must not start or end with whitespace");
    assertThat(invalid(HappyFoxClient.builder().account("a").credentials("k", "co\u0007de")))
        .hasMessage("authCode must not contain control characters");
  }

  @Test
  void nullArgumentsAreNamed() {
    assertThat(Thrown.by(NullPointerException.class,
            () -> HappyFoxClient.builder().credentials(null, "c")))
        .hasMessage("apiKey");
    assertThat(Thrown.by(NullPointerException.class,
            () -> HappyFoxClient.builder().readTimeout(null)))
        .hasMessage("readTimeout");
  }

  @Test
  void httpBaseUrlIsRefused() {
    assertThat(invalid(HappyFoxClient.builder().baseUrl("http://support.example.com")
            .credentials("k", "c")))
        .hasMessageStartingWith(
            "baseUrl must use https: HappyFox treats a POST sent over http as a GET");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8080/", "http://127.10.20.30/", "http://[::1]:9000",
      "http://localhost:8080"})
  void loopbackOptInAcceptsLoopbackHosts(String url) {
    assertThat(baseUrlOf(HappyFoxClient.builder().baseUrl(url).allowInsecureHttpForLoopback()
            .credentials("k", "c")))
        .startsWith("http://")
        .endsWith("/api/1.1/json/");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://10.0.0.1/", "http://support.example.com/", "http://128.0.0.1/",
      "http://localhost.example.com/", "http://[::2]/"})
  void loopbackOptInStillRefusesOtherHosts(String url) {
    assertThat(invalid(HappyFoxClient.builder().baseUrl(url).allowInsecureHttpForLoopback()
            .credentials("k", "c")))
        .hasMessageStartingWith("baseUrl: http is allowed only for loopback hosts");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not a url", "ftp://example.com/", "https://u:p@example.com/",
      "https://example.com/?key=1", "https://example.com/#x"})
  void malformedBaseUrlsAreRefused(String url) {
    assertThat(invalid(HappyFoxClient.builder().baseUrl(url).credentials("k", "c")))
        .hasMessageStartingWith("baseUrl must");
  }

  static Stream<Arguments> timeoutSetters() {
    return Stream.of(
        Arguments.of("connectTimeout",
            (Function<Duration, HappyFoxClient.Builder>) d -> acme().connectTimeout(d)),
        Arguments.of("readTimeout",
            (Function<Duration, HappyFoxClient.Builder>) d -> acme().readTimeout(d)),
        Arguments.of("writeTimeout",
            (Function<Duration, HappyFoxClient.Builder>) d -> acme().writeTimeout(d)),
        Arguments.of("callTimeout",
            (Function<Duration, HappyFoxClient.Builder>) d -> acme().callTimeout(d)));
  }

  @ParameterizedTest
  @MethodSource("timeoutSetters")
  void badTimeoutsAreRefusedNamingTheArgument(
      String name, Function<Duration, HappyFoxClient.Builder> setter) {
    assertThat(invalid(setter.apply(Duration.ZERO)))
        .hasMessage(name + " must be positive but was PT0S");
    assertThat(invalid(setter.apply(Duration.ofSeconds(-1))))
        .hasMessage(name + " must be positive but was PT-1S");
    assertThat(invalid(setter.apply(Duration.ofDays(2))))
        .hasMessage(name + " must be at most PT1H but was PT48H");
  }

  @Test
  void retryPolicyValuesAreRangeChecked() {
    assertThat(Thrown.by(IllegalArgumentException.class,
            () -> RetryPolicy.defaults().withMaxAttempts(0)))
        .hasMessage("maxAttempts must be between 1 and 10 but was 0");
    assertThat(Thrown.by(IllegalArgumentException.class,
            () -> RetryPolicy.defaults().withBaseDelay(Duration.ZERO)))
        .hasMessage("baseDelay must be positive but was PT0S");
    assertThat(Thrown.by(IllegalArgumentException.class,
            () -> RetryPolicy.defaults().withMaxTotalTime(Duration.ofDays(3))))
        .hasMessage("maxTotalTime must be at most PT24H but was PT72H");
    assertThat(Thrown.by(IllegalArgumentException.class,
            () -> RetryPolicy.defaults().withMaxRetryAfterWait(Duration.ofSeconds(-5))))
        .hasMessage("maxRetryAfterWait must be zero or positive but was PT-5S");
    assertThat(invalid(acme().retryPolicy(
            RetryPolicy.defaults().withBaseDelay(Duration.ofSeconds(20)))))
        .hasMessage("retryPolicy.baseDelay (PT20S) must not exceed retryPolicy.maxDelay (PT10S)");
  }

  @Test
  void userAgentMustBeASingleLineOfAscii() {
    assertThat(invalid(acme().userAgent("app/1\r\nX-Injected: yes")))
        .hasMessage("userAgent must not contain CR or LF");
    assertThat(invalid(acme().userAgent("app/1 \u00e9")))
        .hasMessageStartingWith("userAgent must be printable ASCII");
    assertThat(invalid(acme().userAgent(" "))).hasMessage("userAgent must not be blank");
  }

  @Test
  void maxResponseBytesIsRangeChecked() {
    assertThat(invalid(acme().maxResponseBytes(0)))
        .hasMessage("maxResponseBytes must be between 1 and 1073741824 but was 0");
  }

  @Test
  void defaultsAreSafe() {
    try (HappyFoxClient client = acme().build()) {
      OkHttpClient http = client.transport().okHttpClient();
      assertThat(http.retryOnConnectionFailure()).isFalse();
      assertThat(http.followRedirects()).isFalse();
      assertThat(http.followSslRedirects()).isFalse();
      assertThat(http.callTimeoutMillis()).isEqualTo(60_000);
      assertThat(http.connectTimeoutMillis()).isEqualTo(10_000);
      assertThat(http.readTimeoutMillis()).isEqualTo(30_000);
      assertThat(http.writeTimeoutMillis()).isEqualTo(30_000);
    }
  }

  @Test
  void suppliedOkHttpClientIsDerivedAndItsUnsafeDefaultsOverridden() {
    OkHttpClient supplied = new OkHttpClient.Builder()
        .retryOnConnectionFailure(true)
        .followRedirects(true)
        .followSslRedirects(true)
        .callTimeout(0, TimeUnit.SECONDS)
        .authenticator((route, response) -> response.request())
        .build();

    try (HappyFoxClient client = acme().okHttpClient(supplied)
        .readTimeout(Duration.ofSeconds(5)).build()) {
      OkHttpClient http = client.transport().okHttpClient();
      assertThat(http).isNotSameAs(supplied);
      assertThat(http.retryOnConnectionFailure()).isFalse();
      assertThat(http.followRedirects()).isFalse();
      assertThat(http.followSslRedirects()).isFalse();
      assertThat(http.authenticator()).isSameAs(okhttp3.Authenticator.NONE);
      assertThat(http.readTimeoutMillis()).isEqualTo(5_000);
      assertThat(http.callTimeoutMillis()).isEqualTo(60_000);
      assertThat(http.connectionPool()).isSameAs(supplied.connectionPool());
      assertThat(http.dispatcher()).isSameAs(supplied.dispatcher());
    }
    assertThat(supplied.retryOnConnectionFailure()).isTrue();
    assertThat(supplied.interceptors()).isEmpty();
    assertThat(supplied.dispatcher().executorService().isShutdown()).isFalse();
  }

  @Test
  void closeShutsDownOnlyAnOkHttpClientItCreated() {
    HappyFoxClient client = acme().build();
    OkHttpClient http = client.transport().okHttpClient();

    client.close();
    client.close();

    assertThat(http.dispatcher().executorService().isShutdown()).isTrue();
  }

  @Test
  void toStringDescribesTheConfiguration() {
    try (HappyFoxClient client = acme().build()) {
      assertThat(client.toString())
          .startsWith("HappyFoxClient{baseUrl=https://acme.happyfox.com/api/1.1/json/, "
              + "credentials=██")
          .contains("RateLimits{GET=500/min, POST=300/min}")
          .contains("maxResponseBytes=16777216");
    }
    assertThat(acme().toString()).contains("credentials=set").doesNotContain("code");
  }
}
