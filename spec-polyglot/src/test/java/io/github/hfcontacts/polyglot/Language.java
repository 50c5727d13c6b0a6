package io.github.hfcontacts.polyglot;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the matrix: a client, how the runner compiles it (unless Maven already did), and
 * how it starts its conformance program. A program is called with five arguments: the resolved
 * scenario file, the results file to write, the API base URL, the API key and the auth code.
 */
final class Language {
  final String id;
  final String label;
  /** The generator's name, and its options file relative to the module ({@code null}: none). */
  final String generator;
  final String configFile;
  /** The command that compiles the client and the program; empty when Maven compiled them. */
  final List<String> compile;
  /** The command that starts the program (the five arguments follow); empty for {@link #jvmMain}. */
  final List<String> run;
  /** A class whose {@code main(String[])} runs in the runner's JVM; compiled by Maven. */
  final String jvmMain;
  final Map<String, String> environment;
  /** Hand-written code a team adds to the generated client (relative to the module), or null. */
  final String handWritten;

  private Language(String id, String label, String generator, String configFile,
      List<String> compile, List<String> run, String jvmMain, Map<String, String> environment,
      String handWritten) {
    this.id = id;
    this.label = label;
    this.generator = generator;
    this.configFile = configFile;
    this.compile = compile;
    this.run = run;
    this.jvmMain = jvmMain;
    this.environment = environment;
    this.handWritten = handWritten;
  }

  static Language process(String id, String label, String generator, String configFile,
      List<String> compile, List<String> run) {
    return new Language(id, label, generator, configFile, compile, run, null,
        Collections.emptyMap(), null);
  }

  static Language jvm(String id, String label, String generator, String configFile,
      String mainClass) {
    return new Language(id, label, generator, configFile, Collections.emptyList(),
        Collections.emptyList(), mainClass, Collections.emptyMap(), null);
  }

  Language withEnvironment(String... pairs) {
    Map<String, String> env = new LinkedHashMap<>(environment);
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return new Language(id, label, generator, configFile, compile, run, jvmMain, env,
        handWritten);
  }

  Language withHandWritten(String path) {
    return new Language(id, label, generator, configFile, compile, run, jvmMain, environment,
        path);
  }

  /** Every language of the matrix, in its order; paths are relative to the module directory. */
  static List<Language> all(Path module) {
    String target = module.resolve("target").toString();
    String generated = target + "/generated-clients";
    return Arrays.asList(
        jvm("java", "Java: the project's client (generated Retrofit interfaces and Moshi models)",
            "java", null, "io.github.hfcontacts.polyglot.JavaConformance"),
        jvm("java-facade", "Java: the project's facade (HappyFoxClient)", "java", null,
            "io.github.hfcontacts.polyglot.FacadeConformance"),

        process("typescript-fetch", "TypeScript (typescript-fetch)", "typescript-fetch",
            "typescript-fetch/config.yaml",
            Arrays.asList("bash", "scripts/build-program.sh", "typescript-fetch"),
            Arrays.asList("node", target + "/programs/typescript-fetch/typescript-fetch/conformance.js")),
        process("typescript-axios", "TypeScript (typescript-axios, axios from npm)",
            "typescript-axios", "typescript-axios/config.yaml",
            Arrays.asList("bash", "scripts/build-program.sh", "typescript-axios"),
            Arrays.asList("node", target + "/programs/typescript-axios/typescript-axios/conformance.js")),
        process("python", "Python (python)", "python", "python/config.yaml",
            Arrays.asList("bash", "scripts/build-program.sh", "python"),
            Arrays.asList("python3", "python/conformance.py"))
            .withEnvironment("PYTHONPATH", generated + "/python",
                "PYTHONPYCACHEPREFIX", target + "/pycache"),
        jvm("kotlin", "Kotlin (kotlin, jvm-okhttp4, Moshi)", "kotlin", "kotlin/config.yaml",
            "io.github.hfcontacts.polyglot.kotlin.ConformanceKt")
            .withHandWritten("kotlin/src/HappyFoxCustomTypes.kt"),
        process("go", "Go (go, Debian's Go 1.19, no module proxy)", "go", "go/config.yaml",
            Arrays.asList("bash", "scripts/build-program.sh", "go"),
            Arrays.asList(target + "/programs/go/conformance"))
            .withHandWritten("go/custom/happyfox_custom_types.go"));
  }

  @Override
  public String toString() {
    return id;
  }
}
