package io.github.hfcontacts.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level command: the options every command shares, and the list of commands. */
@Command(
    name = "happyfox-contacts",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    header = "Export, import and group HappyFox contacts, at the API's rate ceiling.",
    description = {
        "",
        "Credentials come from HAPPYFOX_API_KEY and HAPPYFOX_AUTH_CODE, or from a credentials file"
            + " readable by its owner only (default ~/.config/happyfox-contacts/credentials),"
            + " never from an option. --sandbox needs none: it runs against an embedded,"
            + " in-memory HappyFox.",
        ""},
    subcommands = {
        ExportCommand.class,
        ImportCommand.class,
        GroupsCommand.class,
        FieldsCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:everything asked was done",
        "1:partial failure: some rows or members failed (see the report)",
        "2:usage error (unknown option, missing argument)",
        "3:configuration: no credentials, unsafe credentials file, checkpoint mismatch",
        "4:HappyFox refused the credentials (401/403)",
        "5:rate limited (HappyFox answered 429; the account is blocked for 10 minutes)",
        "6:invalid input rows; nothing was sent",
        "7:HappyFox unreachable, server error or unreadable answer",
        "8:a named group, contact or file does not exist",
        "70:internal error",
        "130:interrupted (an import continues with --resume)"},
    footer = {"", "Run 'happyfox-contacts COMMAND --help' for a command's options."})
public final class HappyFoxContactsCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--account", paramLabel = "NAME", scope = ScopeType.INHERIT, order = 1,
      description = "US-hosted account: https://NAME.happyfox.com")
  String account;

  @Option(names = "--eu-account", paramLabel = "NAME", scope = ScopeType.INHERIT, order = 2,
      description = "EU-hosted account: https://NAME.happyfox.net")
  String euAccount;

  @Option(names = "--custom-domain", paramLabel = "HOST", scope = ScopeType.INHERIT, order = 3,
      description = "account on its own domain, e.g. support.example.com")
  String customDomain;

  @Option(names = "--base-url", paramLabel = "URL", scope = ScopeType.INHERIT, order = 4,
      hidden = true, description = "an API root (https, or http to a loopback host only)")
  String baseUrl;

  @Option(names = "--sandbox", scope = ScopeType.INHERIT, order = 5,
      description = "run against an embedded in-memory HappyFox seeded with contacts (no account"
          + " or credentials needed)")
  boolean sandbox;

  @Option(names = "--seed-contacts", paramLabel = "N", scope = ScopeType.INHERIT, order = 6,
      description = "with --sandbox: how many contacts to seed (default: ${DEFAULT-VALUE})",
      defaultValue = "250")
  int seedContacts;

  @Option(names = "--seed", paramLabel = "N", scope = ScopeType.INHERIT, order = 7,
      description = "with --sandbox: the random seed of the seeded data (default: ${DEFAULT-VALUE})",
      defaultValue = "1")
  long seed;

  @Option(names = "--sandbox-time-scale", paramLabel = "X", scope = ScopeType.INHERIT, order = 8,
      description = "with --sandbox: run the sandbox's clock, rate limits and the client's budget X"
          + " times faster than real time (default: ${DEFAULT-VALUE})",
      defaultValue = "1")
  double timeScale;

  @Option(names = "--credentials-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
      order = 9, description = "properties file with api_key and auth_code, mode 0600 (default:"
          + " $HAPPYFOX_CREDENTIALS_FILE, else ~/.config/happyfox-contacts/credentials)")
  Path credentialsFile;

  @Option(names = "--get-per-minute", paramLabel = "N", scope = ScopeType.INHERIT, order = 10,
      description = "GET requests per minute this process may use (default: ${DEFAULT-VALUE},"
          + " HappyFox's limit per account; lower it when other tools share the account)",
      defaultValue = "500")
  int getsPerMinute;

  @Option(names = "--post-per-minute", paramLabel = "N", scope = ScopeType.INHERIT, order = 11,
      description = "POST requests per minute this process may use (default: ${DEFAULT-VALUE})",
      defaultValue = "300")
  int postsPerMinute;

  @Option(names = "--parallel", paramLabel = "N", scope = ScopeType.INHERIT, order = 12,
      description = "requests in flight at once (default: ${DEFAULT-VALUE}); they share the"
          + " per-minute budget, so more only helps while HappyFox answers slower than the"
          + " budget's pace", defaultValue = "4")
  int parallel;

  @Option(names = "--progress", paramLabel = "WHEN", scope = ScopeType.INHERIT, order = 13,
      description = "progress bar: auto (on a terminal), always, never (default: ${DEFAULT-VALUE})",
      defaultValue = "auto")
  ProgressMode progress;

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, order = 14,
      description = "log each request to stderr (-vv: with headers); credentials are always"
          + " redacted")
  boolean[] verbose = new boolean[0];

  /** Creates the command for the given environment. */
  public HappyFoxContactsCommand(CliEnvironment env) {
    this.env = env;
  }

  CliEnvironment env() {
    return env;
  }

  int parallel() {
    if (parallel < 1 || parallel > 16) {
      throw CliException.usage("--parallel must be 1 to 16 but was " + parallel);
    }
    return parallel;
  }

  int verbosity() {
    return verbose.length;
  }

  /** Connects as the options say; the caller closes the session. */
  Session openSession() {
    return Session.open(this);
  }

  /** Draws progress only for a watching person, and never under verbose logging. */
  boolean showProgress() {
    switch (progress) {
      case ALWAYS:
        return true;
      case NEVER:
        return false;
      default:
        return env.terminal() && verbosity() == 0;
    }
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE;
  }

  /** When to draw progress bars. */
  enum ProgressMode {
    AUTO, ALWAYS, NEVER;
  }
}
