package io.github.hfcontacts.contract.prism;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives tests a running {@link PrismMock}.
 *
 * <pre>{@code
 * class ContactGroupsContractTest {
 *     @RegisterExtension
 *     static final PrismMockExtension PRISM = PrismMockExtension.forProjectSpec();
 *
 *     @Test
 *     void listsGroups(PrismMock prism) {            // or PRISM.baseUrl()
 *         Retrofit retrofit = new Retrofit.Builder().baseUrl(prism.baseUrl()) ... ;
 *     }
 * }
 * }</pre>
 *
 * <p>By default one Prism per (document, static/dynamic, mode) is shared by every test class of
 * the JVM: it is kept in the root {@link ExtensionContext.Store} and closed when the test run
 * ends. {@link #perClass()} starts one for the class instead and closes it after the class.
 * {@code @ExtendWith(PrismMockExtension.class)} serves the project's document, shared.
 *
 * <p>Dynamic responses: a static instance already answers requests carrying
 * {@code Prefer: dynamic=true} with responses generated from the schemas (Prism 5.16), so
 * {@link #dynamic()} (Prism's {@code -d}, every response generated unless the request says
 * {@code Prefer: dynamic=false} or names an example) is only needed when a test cannot set that
 * header. Both may be registered in one class: {@link PrismMock} parameters annotated
 * {@link DynamicPrism} come from the dynamic one.
 *
 * <p>The mode (docker or process) follows {@code prism.mode} / {@code PRISM_MODE} unless
 * {@link #withMode(PrismMode)} fixes it; see {@link PrismMode}.
 */
public final class PrismMockExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PrismMockExtension.class);

    private final Path spec;
    private final boolean dynamic;
    private final boolean perClass;
    private final PrismMode mode;
    private volatile PrismMock current;

    /** Serves the project's document ({@link PrismMock#projectSpec()}), shared per JVM. */
    public PrismMockExtension() {
        this(null, false, false, null);
    }

    private PrismMockExtension(Path spec, boolean dynamic, boolean perClass, PrismMode mode) {
        this.spec = spec == null ? null : spec.toAbsolutePath().normalize();
        this.dynamic = dynamic;
        this.perClass = perClass;
        this.mode = mode;
    }

    /** Serves {@code spec}. */
    public static PrismMockExtension forSpec(Path spec) {
        return new PrismMockExtension(Objects.requireNonNull(spec, "spec"), false, false, null);
    }

    /** Serves the project's document, {@code openapi/happyfox-contacts.yaml}. */
    public static PrismMockExtension forProjectSpec() {
        return new PrismMockExtension(null, false, false, null);
    }

    /** The same, with Prism's {@code -d}: responses generated from the schemas. */
    public PrismMockExtension dynamic() {
        return new PrismMockExtension(spec, true, perClass, mode);
    }

    /** The same, but one Prism for the test class (and its nested classes), closed after it. */
    public PrismMockExtension perClass() {
        return new PrismMockExtension(spec, dynamic, true, mode);
    }

    /** The same, in a fixed mode whatever {@code prism.mode} says. */
    public PrismMockExtension withMode(PrismMode fixedMode) {
        return new PrismMockExtension(spec, dynamic, perClass, Objects.requireNonNull(fixedMode, "fixedMode"));
    }

    /** The running Prism; available from {@code @BeforeAll} on. */
    public PrismMock mock() {
        PrismMock mock = current;
        if (mock == null) {
            throw new IllegalStateException("Prism is not started yet: register the extension on a static field"
                    + " (or use a PrismMock parameter)");
        }
        return mock;
    }

    /** {@code mock().baseUrl()}: {@code http://127.0.0.1:PORT/}. */
    public String baseUrl() {
        return mock().baseUrl();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        obtain(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        obtain(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return PrismMock.class.equals(parameterContext.getParameter().getType())
                && parameterContext.isAnnotated(DynamicPrism.class) == dynamic;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return obtain(extensionContext);
    }

    private PrismMock obtain(ExtensionContext context) {
        PrismConfig config = config();
        ExtensionContext owner = perClass ? classContext(context) : context.getRoot();
        String key = (perClass ? "class:" : "jvm:") + config.spec() + "|dynamic=" + config.dynamic() + "|mode=" + config.mode();
        Running running = owner.getStore(NAMESPACE).getOrComputeIfAbsent(key, k -> new Running(PrismMock.start(config)),
                Running.class);
        current = running.mock;
        return running.mock;
    }

    private PrismConfig config() {
        PrismConfig config = PrismConfig.forSpec(spec != null ? spec : PrismMock.projectSpec()).withDynamic(dynamic);
        return mode == null ? config : config.withMode(mode);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent()) {
            Optional<ExtensionContext> parent = c.getParent();
            if (parent.isEmpty()) {
                break;
            }
            c = parent.get();
        }
        return c;
    }

    /** A started Prism in a store: closed when the store is (end of the class, or of the run). */
    private static final class Running implements AutoCloseable {
        private final PrismMock mock;

        Running(PrismMock mock) {
            this.mock = mock;
        }

        @Override
        public void close() {
            mock.close();
        }
    }
}
