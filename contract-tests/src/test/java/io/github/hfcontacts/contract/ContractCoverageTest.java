package io.github.hfcontacts.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.annotation.Testable;

/**
 * Item 5 of the contract: every operation of the document has a contract test, at every client
 * layer. The test classes of this package are found on disk (the compiled classes next to this
 * one) and read reflectively: a test method annotated {@link Covers} covers the operations it
 * names at its {@link Covers.Layer}. Prints {@code contract coverage: N/N operations}, where an
 * operation counts when it is covered at every layer.
 */
class ContractCoverageTest {

    private static final String PACKAGE = ContractCoverageTest.class.getPackageName();

    /** Surefire's default includes: a class outside them would never run. */
    private static final List<String> SUREFIRE_SUFFIXES = List.of("Test", "Tests", "TestCase");

    private static List<Class<?>> classes;
    private static List<Method> annotated;

    @BeforeAll
    static void scan() {
        classes = testPackageClasses();
        annotated = classes.stream().flatMap(c -> Stream.of(c.getDeclaredMethods()))
                .filter(m -> m.isAnnotationPresent(Covers.class)).collect(Collectors.toList());
    }

    @Test
    void everyOperationIsCoveredAtEveryLayer() {
        Set<String> operations = ContractSpec.operationIds();
        Map<Covers.Layer, Map<String, List<String>>> byLayer = new EnumMap<>(Covers.Layer.class);
        for (Covers.Layer layer : Covers.Layer.values()) {
            byLayer.put(layer, new TreeMap<>());
        }
        for (Method method : annotated) {
            Covers covers = method.getAnnotation(Covers.class);
            for (String operationId : covers.value()) {
                byLayer.get(covers.layer()).computeIfAbsent(operationId, k -> new ArrayList<>())
                        .add(method.getDeclaringClass().getSimpleName() + "." + method.getName());
            }
        }

        Set<String> coveredEverywhere = new TreeSet<>(operations);
        StringBuilder report = new StringBuilder();
        for (Covers.Layer layer : Covers.Layer.values()) {
            Set<String> covered = new TreeSet<>(byLayer.get(layer).keySet());
            covered.retainAll(operations);
            coveredEverywhere.retainAll(covered);
            Set<String> missing = new TreeSet<>(operations);
            missing.removeAll(covered);
            report.append(String.format("  %-9s %d/%d operations%s%n", layer.name().toLowerCase() + ":", covered.size(),
                    operations.size(), missing.isEmpty() ? "" : ", missing " + missing));
        }
        System.out.println("contract coverage: " + coveredEverywhere.size() + "/" + operations.size() + " operations");
        System.out.print(report);

        assertThat(operations).as("operations of the document").isNotEmpty();
        assertThat(coveredEverywhere).as("operations covered at every layer%n%s", report)
                .containsExactlyElementsOf(operations);
        assertThat(coveredEverywhere.size()).isEqualTo(operations.size());
    }

    @Test
    void everyCoversAnnotationNamesAnOperationOfTheDocument() {
        Set<String> operations = ContractSpec.operationIds();
        Map<String, String> unknown = new TreeMap<>();
        for (Method method : annotated) {
            for (String operationId : method.getAnnotation(Covers.class).value()) {
                if (!operations.contains(operationId)) {
                    unknown.put(method.getDeclaringClass().getSimpleName() + "." + method.getName(), operationId);
                }
            }
        }
        assertThat(unknown).as("@Covers naming no operation of the document").isEmpty();
    }

    @Test
    void everyCoversAnnotationIsOnATestThatRuns() {
        List<String> notRun = new ArrayList<>();
        for (Method method : annotated) {
            Class<?> owner = method.getDeclaringClass();
            Class<?> top = owner;
            while (top.getEnclosingClass() != null) {
                top = top.getEnclosingClass();
            }
            String topName = top.getSimpleName();
            boolean included = SUREFIRE_SUFFIXES.stream().anyMatch(topName::endsWith) || topName.startsWith("Test");
            if (!isTestable(method) || Modifier.isAbstract(owner.getModifiers()) || Modifier.isPrivate(method.getModifiers())
                    || !included) {
                notRun.add(owner.getSimpleName() + "." + method.getName());
            }
        }
        assertThat(notRun).as("@Covers on methods that are not run as tests").isEmpty();
    }

    @Test
    void theScanSeesTheContractTests() {
        // guards the scan itself: finding no class would make the coverage test meaningless
        assertThat(classes).contains(ContractCoverageTest.class, GeneratedApiContractTest.class);
        assertThat(annotated).isNotEmpty();
    }

    private static boolean isTestable(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            if (isMetaAnnotatedTestable(annotation.annotationType(), new HashSet<>())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMetaAnnotatedTestable(Class<? extends Annotation> type, Set<Class<?>> seen) {
        if (type == Testable.class) {
            return true;
        }
        if (!seen.add(type)) {
            return false;
        }
        for (Annotation meta : type.getAnnotations()) {
            if (isMetaAnnotatedTestable(meta.annotationType(), seen)) {
                return true;
            }
        }
        return false;
    }

    /** The classes compiled into this package's directory (nested classes included). */
    private static List<Class<?>> testPackageClasses() {
        Path root;
        try {
            root = Path.of(ContractCoverageTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path dir = root.resolve(PACKAGE.replace('.', '/'));
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class")) {
                    out.add(Class.forName(PACKAGE + "." + name.substring(0, name.length() - ".class".length()), false,
                            ContractCoverageTest.class.getClassLoader()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
