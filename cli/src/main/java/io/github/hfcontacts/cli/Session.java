package io.github.hfcontacts.cli;

import io.github.hfcontacts.client.HappyFoxClient;
import io.github.hfcontacts.client.LogLevel;
import io.github.hfcontacts.client.RateBudget;
import io.github.hfcontacts.client.RateLimits;
import io.github.hfcontacts.client.RetryPolicy;
import io.github.hfcontacts.sandbox.HappyFoxSandbox;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * One connection to HappyFox (or to the embedded sandbox) for the length of a command: the client,
 * its rate limits and the time scale they run at, closed when the command ends.
 */
final class Session implements AutoCloseable {
  private final HappyFoxClient client;
  private final RateLimits limits;
  private final ScaledTime time;
  private final String target;
  private final HappyFoxSandbox sandbox;
  private final OkHttpClient http;
  private final RequestLog requestLog;

  private Session(HappyFoxClient client, RateLimits limits, ScaledTime time, String target,
      HappyFoxSandbox sandbox, OkHttpClient http, RequestLog requestLog) {
    this.client = client;
    this.limits = limits;
    this.time = time;
    this.target = target;
    this.sandbox = sandbox;
    this.http = http;
    this.requestLog = requestLog;
  }

  HappyFoxClient client() {
    return client;
  }

  /** The per-minute ceilings the client keeps to (in the time it runs at). */
  RateLimits limits() {
    return limits;
  }

  /** How much faster than the wall clock the rate limits run: 1 against a real account. */
  double timeScale() {
    return time.factor();
  }

  /**
   * A lower bound of the wall-clock time {@code requests} more requests take under the rate
   * budget (its own estimate, which knows what the rolling minute has left).
   */
  Duration budgetWait(RateBudget.Kind kind, long requests) {
    return time.toWall(client.rateBudget().estimatedWait(kind, Math.max(0, requests)));
  }

  /** Says, after a rate, that it is in the sandbox's faster time; empty otherwise. */
  String timeNote() {
    double timeScale = time.factor();
    return timeScale == 1.0 ? "" : String.format(java.util.Locale.ROOT,
        " of the sandbox's time, which runs %sx faster", timeScale == Math.rint(timeScale)
            ? Long.toString((long) timeScale) : Double.toString(timeScale));
  }

  /** Where the requests go, for summaries: {@code acme.happyfox.com} or {@code the sandbox}. */
  String target() {
    return target;
  }

  static Session open(HappyFoxContactsCommand options) {
    CliEnvironment env = options.env();
    RateLimits limits = limits(options);
    List<String> chosen = new ArrayList<>();
    if (options.account != null) {
      chosen.add("--account");
    }
    if (options.euAccount != null) {
      chosen.add("--eu-account");
    }
    if (options.customDomain != null) {
      chosen.add("--custom-domain");
    }
    if (options.baseUrl != null) {
      chosen.add("--base-url");
    }
    if (options.sandbox) {
      chosen.add("--sandbox");
    }
    if (chosen.size() > 1) {
      throw CliException.usage("choose one of " + String.join(", ", chosen));
    }
    if (options.timeScale != 1.0 && !options.sandbox && options.baseUrl == null) {
      throw CliException.usage("--sandbox-time-scale applies only to a sandbox: --sandbox, or"
          + " --base-url of one started separately");
    }
    ScaledTime time;
    try {
      time = new ScaledTime(options.timeScale);
    } catch (IllegalArgumentException e) {
      throw CliException.usage("--sandbox-time-scale: " + e.getMessage());
    }
    if (options.sandbox) {
      return openSandbox(options, limits, time);
    }
    Credentials credentials = Credentials.find(env, options.credentialsFile);
    HappyFoxClient.Builder builder = HappyFoxClient.builder();
    String target;
    try {
      if (options.account != null) {
        builder.account(options.account);
        target = options.account + ".happyfox.com";
      } else if (options.euAccount != null) {
        builder.euAccount(options.euAccount);
        target = options.euAccount + ".happyfox.net";
      } else if (options.customDomain != null) {
        builder.customDomain(options.customDomain);
        target = options.customDomain;
      } else if (options.baseUrl != null) {
        builder.baseUrl(options.baseUrl).allowInsecureHttpForLoopback()
            .ticker(time.ticker()).sleeper(time.sleeper());
        target = options.baseUrl;
      } else if (credentials.setting("account") != null) {
        builder.account(credentials.setting("account"));
        target = credentials.setting("account") + ".happyfox.com";
      } else if (credentials.setting("eu_account") != null) {
        builder.euAccount(credentials.setting("eu_account"));
        target = credentials.setting("eu_account") + ".happyfox.net";
      } else if (credentials.setting("custom_domain") != null) {
        builder.customDomain(credentials.setting("custom_domain"));
        target = credentials.setting("custom_domain");
      } else {
        throw CliException.usage("which account? Give --account NAME, --eu-account NAME or"
            + " --custom-domain HOST (or set account in the credentials file), or use --sandbox");
      }
      builder.credentials(credentials.apiKey(), credentials.authCode());
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw CliException.usage(e.getMessage());
    }
    // Requests of earlier runs still count in HappyFox's rolling minute: this run's budget
    // starts with them spent.
    RequestLog log = RequestLog.open(cacheDir(env), target,
        time.toWall(Duration.ofMinutes(1).plus(limits.safetyMargin())));
    OkHttpClient http = new OkHttpClient.Builder().addInterceptor(log).build();
    HappyFoxClient client;
    try {
      RateBudget budget = RateBudget.inMemory(limits, time.ticker());
      log.spendEarlierRequests(budget, System.currentTimeMillis());
      builder.okHttpClient(http).rateBudget(budget);
      client = build(builder, options, limits);
    } catch (RuntimeException e) {
      shutdown(http);
      log.close();
      throw e;
    }
    return new Session(client, limits, time, target, null, http, log);
  }

  /** {@code $XDG_CACHE_HOME/happyfox-contacts}, else {@code ~/.cache/happyfox-contacts}. */
  static Path cacheDir(CliEnvironment env) {
    String xdg = env.variable("XDG_CACHE_HOME");
    Path base = xdg != null ? Path.of(xdg) : env.home().resolve(".cache");
    return base.resolve("happyfox-contacts");
  }

  private static void shutdown(OkHttpClient http) {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private static Session openSandbox(HappyFoxContactsCommand options, RateLimits limits,
      ScaledTime time) {
    if (options.seedContacts < 0) {
      throw CliException.usage("--seed-contacts must be at least 0 but was "
          + options.seedContacts);
    }
    HappyFoxSandbox sandbox =
        SandboxLauncher.start(options.seedContacts, options.seed, time.factor());
    try {
      HappyFoxClient.Builder builder = HappyFoxClient.builder()
          .baseUrl(sandbox.baseUrl())
          .allowInsecureHttpForLoopback()
          .credentials(sandbox.apiKey(), sandbox.authCode())
          .ticker(time.ticker())
          .sleeper(time.sleeper());
      HappyFoxClient client = build(builder, options, limits);
      return new Session(client, limits, time, "the sandbox",
          sandbox, null, null);
    } catch (RuntimeException e) {
      sandbox.close();
      throw e;
    }
  }

  private static RateLimits limits(HappyFoxContactsCommand options) {
    try {
      return RateLimits.of(options.getsPerMinute, options.postsPerMinute);
    } catch (IllegalArgumentException e) {
      throw CliException.usage("--get-per-minute/--post-per-minute: " + e.getMessage());
    }
  }

  private static HappyFoxClient build(HappyFoxClient.Builder builder,
      HappyFoxContactsCommand options, RateLimits limits) {
    // A bulk run queues behind its own budget (up to a minute for a slot, more with --parallel
    // and a small share): give each request room for that, beyond the client's 2 minutes.
    builder.rateLimits(limits).userAgent("happyfox-contacts-cli/" + VersionProvider.version())
        .retryPolicy(RetryPolicy.defaults().withMaxTotalTime(Duration.ofMinutes(15)));
    int verbosity = options.verbosity();
    if (verbosity > 0) {
      PrintStream err = options.env().stderr();
      // The client scrubs its credentials from every line it logs.
      builder.logger(line -> err.println("[http] " + line),
          verbosity > 1 ? LogLevel.HEADERS : LogLevel.BASIC);
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw CliException.usage(e.getMessage());
    }
  }

  @Override
  public void close() {
    client.close();
    if (http != null) {
      shutdown(http);
    }
    if (requestLog != null) {
      requestLog.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }
}
