package io.github.hfcontacts.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every {@code <pre>{@code ...}</pre>} example of the published hand-written sources
 * (this module and the generated client's Moshi runtime) with {@code --release 11}, so that an
 * example cannot name a method that does not exist.
 *
 * <p>Each example becomes the body of a method of its own class in this package, with the
 * variables examples use as fields (a local variable of the same name shadows them): a client,
 * its services, credentials, drafts, a bulk result, an OkHttpClient, a logger with SLF4J-style
 * methods, a scheduler. A {@code ...} standing for code the reader writes ({@code { ... }}) is dropped.
 */
class JavadocExamplesTest {
  private static final List<Path> SOURCE_ROOTS =
      List.of(Paths.get("src/main/java"), Paths.get("../client-generated/src/main/java"));
  private static final Pattern PRE =
      Pattern.compile("<pre>\\{@code\\s*\\n(.*?)}</pre>", Pattern.DOTALL);

  private static final String PRELUDE = String.join("\n",
      "package io.github.hfcontacts.client;",
      "import static java.util.stream.Collectors.toList;",
      "import io.github.hfcontacts.openapi.api.*;",
      "import io.github.hfcontacts.openapi.model.Contact;",
      "import io.github.hfcontacts.openapi.model.ContactPage;",
      "import io.github.hfcontacts.openapi.model.ContactGroupDetail;",
      "import io.github.hfcontacts.openapi.moshi.*;",
      "import io.github.hfcontacts.openapi.annotation.*;",
      "import java.time.*;",
      "import java.util.*;",
      "import java.util.concurrent.*;",
      "import java.util.concurrent.atomic.*;",
      "import java.math.BigDecimal;",
      "import okhttp3.OkHttpClient;",
      "import retrofit2.Retrofit;",
      "import retrofit2.Invocation;",
      "import retrofit2.converter.moshi.MoshiConverterFactory;",
      "");

  private static final String CONTEXT = String.join("\n",
      "  interface Log {",
      "    void warn(String format, Object... args);",
      "    void info(String format, Object... args);",
      "    void debug(String format, Object... args);",
      "  }",
      "  HappyFoxClient client;",
      "  HappyFoxClient.Builder builder;",
      "  OkHttpClient okHttpClient;",
      "  Contacts contacts;",
      "  ContactGroups groups;",
      "  String apiKey;",
      "  String authCode;",
      "  List<ContactDraft> drafts;",
      "  ContactDraft newContact;",
      "  ContactDraft changes;",
      "  Contact shown;",
      "  BulkResult<ContactDraft> result;",
      "  ScheduledExecutorService scheduler;",
      "  Runnable job;",
      "  Log log;",
      "  RateBudget budget;",
      "  Sleeper sleeper;",
      "  okhttp3.Request request;",
      "  retrofit2.Call<?> call;",
      "");

  /** One example: where it is and its code. */
  private static final class Example {
    final Path file;
    final int line;
    final String code;
    final String className;

    Example(Path file, int line, String code, int index) {
      this.file = file;
      this.line = line;
      this.code = code;
      this.className = "JavadocExample" + index + "_"
          + file.getFileName().toString().replace(".java", "");
    }

    String source() {
      return PRELUDE + "@SuppressWarnings(\"all\")\nclass " + className + " {\n" + CONTEXT
          + "  Object example() throws Exception {\n    if (true) {\n" + code
          + "\n    }\n    return null;\n  }\n}\n";
    }
  }

  @Test
  void everyJavadocExampleCompilesWithRelease11(@TempDir Path out) throws IOException {
    List<Example> examples = examples();
    assertThat(examples).as("examples found").hasSizeGreaterThan(15);

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("the JDK's compiler (tests need a JDK, not a JRE)").isNotNull();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<JavaFileObject> units = new ArrayList<>();
    for (Example example : examples) {
      units.add(new SimpleJavaFileObject(
          URI.create("string:///" + example.className + ".java"), JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return example.source();
        }
      });
    }
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = List.of("--release", "11", "-proc:none", "-d", out.toString(),
          "-classpath", System.getProperty("java.class.path"));
      javac.getTask(null, files, diagnostics, options, null, units).call();
    }

    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      String unit = d.getSource() == null ? "?" : d.getSource().getName();
      Example example = examples.stream()
          .filter(e -> unit.contains(e.className)).findFirst().orElse(null);
      errors.add((example == null ? unit : example.file + ":" + example.line) + ": "
          + d.getMessage(Locale.ROOT));
    }
    assertThat(errors).as("Javadoc examples that do not compile").isEmpty();
  }

  private static List<Example> examples() throws IOException {
    List<Example> examples = new ArrayList<>();
    for (Path root : SOURCE_ROOTS) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(root)) {
        files = walk.filter(p -> p.toString().endsWith(".java")).sorted()
            .collect(Collectors.toList());
      }
      for (Path file : files) {
        String text = Files.readString(file);
        Matcher pre = PRE.matcher(text);
        while (pre.find()) {
          int line = 1 + (int) text.substring(0, pre.start()).chars().filter(c -> c == '\n').count();
          examples.add(new Example(file, line, code(pre.group(1)), examples.size()));
        }
      }
    }
    return examples;
  }

  /** The example without the comment's leading stars, with the reader's {@code ...} dropped. */
  private static String code(String commented) {
    StringBuilder code = new StringBuilder();
    for (String line : commented.split("\n", -1)) {
      String stripped = line.replaceFirst("^\\s*\\* ?", "");
      code.append("      ").append(stripped.replace("{ ... }", "{ }")).append('\n');
    }
    return code.toString();
  }
}
