package io.github.hfcontacts.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone sandbox: {@code java -jar happyfox-contacts-sandbox.jar [options]}. Prints
 * {@code NAME=value} lines (URL, credentials) on standard output, then serves until killed (or,
 * with {@code --exit-on-stdin-close}, until standard input closes). {@code --help} lists the
 * options.
 *
 * <p>Thread safety: a program entry point.
 */
public final class SandboxMain {
  static final String USAGE = String.join("\n",
      "Usage: java -jar happyfox-contacts-sandbox.jar [options]",
      "",
      "A stateful, in-memory HappyFox Contacts API for tests. Prints NAME=value lines, then serves",
      "until killed (SIGTERM/Ctrl-C), or until stdin closes with --exit-on-stdin-close.",
      "",
      "Options:",
      "  --port N                  port to listen on; 0 (default) picks a free one",
      "  --bind ADDRESS            address to listen on (default 127.0.0.1, loopback only)",
      "  --api-key KEY             API key accepted (default " + HappyFoxSandbox.DEFAULT_API_KEY
          + ")",
      "  --auth-code CODE          auth code accepted (default "
          + HappyFoxSandbox.DEFAULT_AUTH_CODE + ")",
      "  --seed N                  seed of the generated data (default 0)",
      "  --seed-contacts N         start with N generated contacts and 6 groups (default 0)",
      "  --time-scale X            simulated time runs X times faster (default 1): the rate-limit",
      "                            window and block shrink, Retry-After is in real seconds",
      "  --gets-per-window N       GET requests per window (default 500)",
      "  --posts-per-window N      POST requests per window (default 300)",
      "  --window-seconds S        rolling window, simulated seconds (default 60)",
      "  --block-seconds S         block after a 429, simulated seconds (default 600)",
      "  --no-rate-limits          never answer 429 (requests per window are still measured)",
      "  --latency-ms N            delay every API response by N ms (default 0)",
      "  --server-error-rate R     answer this share (0..1) of API requests with a 5xx",
      "  --server-error-status N   status of those errors (default 503)",
      "  --disconnect-rate R       close the connection of this share (0..1) of API requests",
      "                            after reading the request, without answering",
      "  --fault-seed N            seed of the fault draws (default 0)",
      "  --apply-before-failing    apply a request before failing it (5xx or disconnect)",
      "  --validation-status N     status of one-object validation failures: 400 (default) or",
      "                            200 (the {\"error\": [...]} body with a 2xx status)",
      "  --newer-server            answer like a HappyFox newer than the spec: phone type \"f\",",
      "                            a custom field of type \"url\" (id 10), and an unknown",
      "                            property in every object of every successful answer",
      "  --exit-on-stdin-close     stop when standard input reaches end of file",
      "  --help                    print this help and exit",
      "",
      "Output (one per line, then the server runs):",
      "  HAPPYFOX_SANDBOX_URL=http://127.0.0.1:PORT/api/1.1/json/   the API base",
      "  HAPPYFOX_SANDBOX_BASE_URL=http://127.0.0.1:PORT/            the root (Java client)",
      "  HAPPYFOX_SANDBOX_ADMIN_URL=http://127.0.0.1:PORT/_sandbox/  stats, reset, faults...",
      "  HAPPYFOX_SANDBOX_PORT=PORT",
      "  HAPPYFOX_SANDBOX_API_KEY=...",
      "  HAPPYFOX_SANDBOX_AUTH_CODE=...",
      "  HAPPYFOX_SANDBOX_READY=true",
      "",
      "Admin endpoints (no authentication, not rate limited): GET _sandbox/health,",
      "GET _sandbox/stats, POST _sandbox/reset, GET|POST _sandbox/faults, GET _sandbox/contacts,",
      "GET _sandbox/contact_groups.");

  private SandboxMain() {}

  /**
   * Runs the sandbox.
   *
   * @param args the options; see {@code --help}
   */
  public static void main(String[] args) {
    int code = run(args, System.out, System.err, System.in);
    if (code != 0) {
      System.exit(code);
    }
  }

  static int run(String[] args, PrintStream out, PrintStream err, InputStream in) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("happyfox-sandbox: " + e.getMessage());
      err.println("Try --help.");
      return 2;
    }
    if (options.help) {
      out.println(USAGE);
      return 0;
    }
    HappyFoxSandbox sandbox;
    try {
      sandbox = options.builder.start();
    } catch (RuntimeException e) {
      err.println("happyfox-sandbox: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sandbox.close();
      stopped.countDown();
    }, "happyfox-sandbox-shutdown"));
    if (!options.loopbackOnly) {
      err.println("happyfox-sandbox: warning: listening on " + sandbox.baseUrl()
          + " without TLS, beyond this machine's loopback");
    }
    out.println("HAPPYFOX_SANDBOX_URL=" + sandbox.apiBaseUrl());
    out.println("HAPPYFOX_SANDBOX_BASE_URL=" + sandbox.baseUrl());
    out.println("HAPPYFOX_SANDBOX_ADMIN_URL=" + sandbox.adminUrl());
    out.println("HAPPYFOX_SANDBOX_PORT=" + sandbox.port());
    out.println("HAPPYFOX_SANDBOX_API_KEY=" + sandbox.apiKey());
    out.println("HAPPYFOX_SANDBOX_AUTH_CODE=" + sandbox.authCode());
    out.println("HAPPYFOX_SANDBOX_READY=true");
    out.flush();
    try {
      if (options.exitOnStdinClose) {
        byte[] buffer = new byte[256];
        while (in.read(buffer) != -1) {
          // input is ignored; only its end matters
        }
        sandbox.close();
        return 0;
      }
      stopped.await();
    } catch (IOException e) {
      sandbox.close();
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sandbox.close();
    }
    return 0;
  }

  /** The parsed command line. */
  static final class Options {
    final HappyFoxSandbox.Builder builder = HappyFoxSandbox.builder();
    boolean help;
    boolean exitOnStdinClose;
    boolean loopbackOnly = true;

    static Options parse(String[] args) {
      Options options = new Options();
      String apiKey = HappyFoxSandbox.DEFAULT_API_KEY;
      String authCode = HappyFoxSandbox.DEFAULT_AUTH_CODE;
      SandboxRateLimits defaults = SandboxRateLimits.happyFox();
      int gets = defaults.getsPerWindow();
      int posts = defaults.postsPerWindow();
      long window = defaults.window().getSeconds();
      long block = defaults.block().getSeconds();
      boolean unlimited = false;
      SandboxFaults faults = SandboxFaults.none();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        String name = arg;
        String value = null;
        int eq = arg.indexOf('=');
        if (arg.startsWith("--") && eq > 0) {
          name = arg.substring(0, eq);
          value = arg.substring(eq + 1);
        }
        switch (name) {
          case "--help":
          case "-h":
            options.help = true;
            break;
          case "--no-rate-limits":
            unlimited = true;
            break;
          case "--apply-before-failing":
            faults = faults.withAppliedBeforeFailing(true);
            break;
          case "--exit-on-stdin-close":
            options.exitOnStdinClose = true;
            break;
          case "--newer-server":
            options.builder.newerServer();
            break;
          default:
            if (value == null) {
              if (i + 1 >= args.length) {
                throw new IllegalArgumentException(knownOption(name) + " needs a value");
              }
              value = args[++i];
            }
            switch (knownOption(name)) {
              case "--port":
                options.builder.port(integer(name, value));
                break;
              case "--bind":
                InetAddress bind = address(value);
                options.builder.bindAddress(bind);
                options.loopbackOnly = bind.isLoopbackAddress();
                break;
              case "--api-key":
                apiKey = value;
                break;
              case "--auth-code":
                authCode = value;
                break;
              case "--seed":
                options.builder.seed(longValue(name, value));
                break;
              case "--seed-contacts":
                options.builder.seedContacts(integer(name, value));
                break;
              case "--time-scale":
                options.builder.timeScale(decimal(name, value));
                break;
              case "--gets-per-window":
                gets = integer(name, value);
                break;
              case "--posts-per-window":
                posts = integer(name, value);
                break;
              case "--window-seconds":
                window = longValue(name, value);
                break;
              case "--block-seconds":
                block = longValue(name, value);
                break;
              case "--latency-ms":
                faults = faults.withLatency(Duration.ofMillis(longValue(name, value)));
                break;
              case "--server-error-rate":
                faults = faults.withServerErrorRate(decimal(name, value));
                break;
              case "--server-error-status":
                faults = faults.withServerErrorStatus(integer(name, value));
                break;
              case "--disconnect-rate":
                faults = faults.withDisconnectRate(decimal(name, value));
                break;
              case "--fault-seed":
                faults = faults.withSeed(longValue(name, value));
                break;
              case "--validation-status":
                options.builder.validationFailureStatus(integer(name, value));
                break;
              default:
                throw new IllegalStateException(name);
            }
            break;
        }
      }
      options.builder.credentials(apiKey, authCode);
      options.builder.rateLimits(unlimited ? SandboxRateLimits.unlimited()
          : SandboxRateLimits.of(gets, posts, Duration.ofSeconds(window),
              Duration.ofSeconds(block)));
      options.builder.faults(faults);
      return options;
    }

    private static String knownOption(String name) {
      switch (name) {
        case "--port":
        case "--bind":
        case "--api-key":
        case "--auth-code":
        case "--seed":
        case "--seed-contacts":
        case "--time-scale":
        case "--gets-per-window":
        case "--posts-per-window":
        case "--window-seconds":
        case "--block-seconds":
        case "--latency-ms":
        case "--server-error-rate":
        case "--server-error-status":
        case "--disconnect-rate":
        case "--fault-seed":
        case "--validation-status":
          return name;
        default:
          throw new IllegalArgumentException("unknown option " + name);
      }
    }

    private static int integer(String name, String value) {
      try {
        return Integer.parseInt(value.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " takes a whole number, not '" + value + "'");
      }
    }

    private static long longValue(String name, String value) {
      try {
        return Long.parseLong(value.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " takes a whole number, not '" + value + "'");
      }
    }

    private static double decimal(String name, String value) {
      try {
        return Double.parseDouble(value.trim().toLowerCase(Locale.ROOT));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " takes a number, not '" + value + "'");
      }
    }

    private static InetAddress address(String value) {
      try {
        return InetAddress.getByName(value);
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("--bind: unknown address '" + value + "'");
      }
    }
  }
}
