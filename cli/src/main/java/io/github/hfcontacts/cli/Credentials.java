package io.github.hfcontacts.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;

/**
 * The API key and auth code, from the environment ({@code HAPPYFOX_API_KEY},
 * {@code HAPPYFOX_AUTH_CODE}) or from a credentials file readable by its owner only. Never from
 * a command-line option, which anyone on the machine can read in {@code ps}.
 *
 * <p>The file is in properties form ({@code api_key = ...}, {@code auth_code = ...}, and
 * optionally {@code account}, {@code eu_account} or {@code custom_domain} as the default target).
 * {@link #toString()} never shows the secrets.
 */
final class Credentials {
  static final String API_KEY_VARIABLE = "HAPPYFOX_API_KEY";
  static final String AUTH_CODE_VARIABLE = "HAPPYFOX_AUTH_CODE";
  static final String FILE_VARIABLE = "HAPPYFOX_CREDENTIALS_FILE";
  static final String DEFAULT_FILE = ".config/happyfox-contacts/credentials";

  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private final String apiKey;
  private final String authCode;
  private final String source;
  private final Properties settings;

  private Credentials(String apiKey, String authCode, String source, Properties settings) {
    this.apiKey = apiKey;
    this.authCode = authCode;
    this.source = source;
    this.settings = settings;
  }

  String apiKey() {
    return apiKey;
  }

  String authCode() {
    return authCode;
  }

  /** Where they came from, for messages: "the environment" or the file's path. */
  String source() {
    return source;
  }

  /** A non-secret setting of the credentials file ({@code account}, ...), or null. */
  String setting(String key) {
    String value = settings.getProperty(key);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * Finds the credentials: both environment variables if either is set, else the file named by
   * {@code explicitFile}, {@code HAPPYFOX_CREDENTIALS_FILE} or the default path.
   *
   * @throws CliException (exit code {@link ExitCode#CONFIG}) naming what is missing or unsafe
   */
  static Credentials find(CliEnvironment env, Path explicitFile) {
    String key = env.variable(API_KEY_VARIABLE);
    String code = env.variable(AUTH_CODE_VARIABLE);
    if (key != null || code != null) {
      if (key == null || code == null) {
        throw CliException.config((key == null ? API_KEY_VARIABLE : AUTH_CODE_VARIABLE)
            + " is not set, but " + (key == null ? AUTH_CODE_VARIABLE : API_KEY_VARIABLE)
            + " is: set both, or neither and use a credentials file");
      }
      return new Credentials(key.strip(), code.strip(), "the environment", new Properties());
    }
    Path file = explicitFile;
    boolean defaulted = false;
    if (file == null && env.variable(FILE_VARIABLE) != null) {
      file = Path.of(env.variable(FILE_VARIABLE));
    }
    if (file == null) {
      file = env.home().resolve(DEFAULT_FILE);
      defaulted = true;
    }
    if (defaulted && !Files.exists(file)) {
      throw CliException.config("no credentials: set " + API_KEY_VARIABLE + " and "
          + AUTH_CODE_VARIABLE + ", or write them to " + file
          + " (api_key = ..., auth_code = ..., then chmod 600), or name a file with"
          + " --credentials-file; or try --sandbox");
    }
    return fromFile(file);
  }

  /** Reads a credentials file after checking that only its owner can read or write it. */
  static Credentials fromFile(Path file) {
    checkPermissions(file);
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      throw CliException.config("credentials file " + file + " does not exist");
    } catch (IOException | IllegalArgumentException e) {
      throw CliException.config("credentials file " + file + " cannot be read: "
          + e.getClass().getSimpleName());
    }
    String key = properties.getProperty("api_key");
    String code = properties.getProperty("auth_code");
    if (key == null || key.isBlank() || code == null || code.isBlank()) {
      throw CliException.config("credentials file " + file + " must set both api_key and auth_code"
          + (key == null || key.isBlank() ? " (api_key is missing)" : " (auth_code is missing)"));
    }
    return new Credentials(key.strip(), code.strip(), file.toString(), properties);
  }

  private static void checkPermissions(Path file) {
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)) {
      throw CliException.config("credentials file " + file + " does not exist");
    }
    if (!Files.isRegularFile(file)) {
      throw CliException.config("credentials file " + file + " is not a regular file");
    }
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(file);
    } catch (UnsupportedOperationException e) {
      return; // not a POSIX file system: access is governed by its ACLs
    } catch (IOException e) {
      throw CliException.config("credentials file " + file + ": cannot read its permissions");
    }
    if (!OWNER_ONLY.containsAll(permissions)) {
      throw CliException.config("credentials file " + file + " has permissions "
          + PosixFilePermissions.toString(permissions) + " (" + octal(permissions) + "), so other"
          + " users can read it; refusing to use it. Make it readable by you only: chmod 600 "
          + file);
    }
  }

  private static String octal(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (PosixFilePermission permission : permissions) {
      mode |= 1 << (8 - permission.ordinal());
    }
    return String.format("%04o", mode);
  }

  @Override
  public String toString() {
    return "Credentials{from " + source + ", api key and auth code hidden}";
  }
}
