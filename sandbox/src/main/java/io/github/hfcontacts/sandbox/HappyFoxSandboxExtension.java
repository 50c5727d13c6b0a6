package io.github.hfcontacts.sandbox;

import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that runs a {@link HappyFoxSandbox} for a test class (registered on a
 * {@code static} field) or for each test (on an instance field), and resolves
 * {@link HappyFoxSandbox} parameters.
 *
 * <pre>{@code
 * class ImportTest {
 *   @RegisterExtension
 *   static final HappyFoxSandboxExtension SANDBOX = HappyFoxSandboxExtension
 *       .of(HappyFoxSandbox.builder().seedContacts(10))
 *       .resetBeforeEach();
 *
 *   @Test
 *   void importsContacts() {
 *     HappyFoxClient client = HappyFoxClient.builder()
 *         .baseUrl(SANDBOX.baseUrl()).allowInsecureHttpForLoopback()
 *         .credentials(SANDBOX.apiKey(), SANDBOX.authCode()).build();
 *     ...
 *     assertEquals(0, SANDBOX.stats().rateLimited());
 *   }
 * }
 * }</pre>
 *
 * <p>A test class that registers two of these cannot take {@link HappyFoxSandbox} parameters
 * (JUnit would not know which to give); use the fields' accessors instead.
 *
 * <p>Thread safety: the accessors may be called from any thread once the sandbox runs.
 */
public final class HappyFoxSandboxExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver {
  private final HappyFoxSandbox.Builder builder;
  private final boolean resetBeforeEach;
  private volatile HappyFoxSandbox sandbox;
  private volatile boolean perClass;

  private HappyFoxSandboxExtension(HappyFoxSandbox.Builder builder, boolean resetBeforeEach) {
    this.builder = builder;
    this.resetBeforeEach = resetBeforeEach;
  }

  /** A sandbox with the defaults of {@link HappyFoxSandbox#start()}. */
  public HappyFoxSandboxExtension() {
    this(HappyFoxSandbox.builder(), false);
  }

  /**
   * A sandbox started from {@code builder} (read when the sandbox starts).
   *
   * <p>Example: {@code HappyFoxSandboxExtension.of(HappyFoxSandbox.builder().timeScale(600))}.
   *
   * @param builder the settings
   * @return the extension
   */
  public static HappyFoxSandboxExtension of(HappyFoxSandbox.Builder builder) {
    return new HappyFoxSandboxExtension(Objects.requireNonNull(builder, "builder"), false);
  }

  /**
   * Returns a copy that resets the sandbox ({@link HappyFoxSandbox#reset()}) before each test,
   * so that a class-wide sandbox starts every test from the same state.
   *
   * @return the copy
   */
  public HappyFoxSandboxExtension resetBeforeEach() {
    return new HappyFoxSandboxExtension(builder, true);
  }

  /**
   * Returns the running sandbox.
   *
   * @return the sandbox
   * @throws IllegalStateException before it starts (register the extension first)
   */
  public HappyFoxSandbox sandbox() {
    HappyFoxSandbox running = sandbox;
    if (running == null) {
      throw new IllegalStateException("the sandbox is not running: register the extension with"
          + " @RegisterExtension and use it from a test or @BeforeEach/@BeforeAll");
    }
    return running;
  }

  /**
   * Returns {@link HappyFoxSandbox#baseUrl()}: {@code http://127.0.0.1:PORT/}.
   *
   * @return the root URL
   */
  public String baseUrl() {
    return sandbox().baseUrl();
  }

  /**
   * Returns {@link HappyFoxSandbox#apiBaseUrl()}: {@code http://127.0.0.1:PORT/api/1.1/json/}.
   *
   * @return the API base URL
   */
  public String apiBaseUrl() {
    return sandbox().apiBaseUrl();
  }

  /**
   * Returns the API key the sandbox accepts.
   *
   * @return the API key
   */
  public String apiKey() {
    return sandbox().apiKey();
  }

  /**
   * Returns the auth code the sandbox accepts.
   *
   * @return the auth code
   */
  public String authCode() {
    return sandbox().authCode();
  }

  /**
   * Returns {@link HappyFoxSandbox#stats()}.
   *
   * @return a snapshot
   */
  public SandboxStats stats() {
    return sandbox().stats();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
    sandbox = builder.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (sandbox == null) {
      sandbox = builder.start();
    } else if (resetBeforeEach) {
      sandbox.reset();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!perClass) {
      close();
    }
  }

  private void close() {
    HappyFoxSandbox running = sandbox;
    sandbox = null;
    if (running != null) {
      running.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == HappyFoxSandbox.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return sandbox();
  }
}
