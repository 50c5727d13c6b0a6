package io.github.hfcontacts.cli;

import picocli.CommandLine;

/** The version printed by {@code --version}: the jar manifest's, or "dev" from a build tree. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
        "happyfox-contacts " + version(),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
            + ")"};
  }

  static String version() {
    String version = VersionProvider.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
