package io.github.hfcontacts.cli;

import io.github.hfcontacts.client.BulkResult;
import io.github.hfcontacts.client.ContactGroups;
import io.github.hfcontacts.client.Contacts;
import io.github.hfcontacts.client.GroupMember;
import io.github.hfcontacts.client.ItemResult;
import io.github.hfcontacts.client.NotFoundException;
import io.github.hfcontacts.openapi.model.ContactGroup;
import io.github.hfcontacts.openapi.model.ContactGroupDetail;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code groups}: list and create contact groups, add and remove members. */
@Command(
    name = "groups",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    header = "List and create contact groups; add or remove members from a file.",
    subcommands = {
        GroupsCommand.ListGroups.class,
        GroupsCommand.CreateGroup.class,
        GroupsCommand.AddMembers.class,
        GroupsCommand.RemoveMembers.class})
final class GroupsCommand implements Callable<Integer> {
  @ParentCommand HappyFoxContactsCommand root;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE;
  }

  /** {@code groups list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
      header = "List the contact groups: id, name, description, tagged domains.")
  static final class ListGroups implements Callable<Integer> {
    @ParentCommand GroupsCommand groups;

    @Option(names = "--format", paramLabel = "FORMAT",
        description = "table, csv or jsonl (default: ${DEFAULT-VALUE})", defaultValue = "table")
    Table.Format format;

    @Override
    public Integer call() throws IOException {
      HappyFoxContactsCommand root = groups.root;
      try (Session session = root.openSession()) {
        List<List<Object>> rows = new ArrayList<>();
        for (ContactGroup group : session.client().contactGroups().list()) {
          rows.add(List.of(group.getId() == null ? "" : group.getId(), text(group.getName()),
              text(group.getDescription()), text(group.getTaggedDomains())));
        }
        Table.print(format, List.of("id", "name", "description", "tagged_domains"), rows,
            root.env().stdout());
      }
      return ExitCode.OK;
    }
  }

  /** {@code groups create}. */
  @Command(name = "create", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
      header = "Create a contact group.")
  static final class CreateGroup implements Callable<Integer> {
    @ParentCommand GroupsCommand groups;

    @Parameters(index = "0", paramLabel = "NAME", description = "the group's name (unique)")
    String name;

    @Option(names = "--description", paramLabel = "TEXT", description = "what the group is for")
    String description;

    @Option(names = "--tagged-domains", paramLabel = "DOMAINS", split = ",",
        description = "domains whose new contacts join the group, comma-separated")
    List<String> taggedDomains = new ArrayList<>();

    @Override
    public Integer call() {
      HappyFoxContactsCommand root = groups.root;
      try (Session session = root.openSession()) {
        ContactGroupDetail group;
        try {
          group = session.client().contactGroups().create(name, description, taggedDomains);
        } catch (IllegalArgumentException e) {
          throw CliException.usage(e.getMessage());
        }
        new PrintStream(root.env().stdout(), true, StandardCharsets.UTF_8).println(
            "Created contact group " + group.getId() + " \"" + group.getName() + "\".");
      }
      return ExitCode.OK;
    }
  }

  /** Shared by add and remove: the group, the member file, the report. */
  abstract static class Members implements Callable<Integer> {
    @ParentCommand GroupsCommand groups;

    @Parameters(index = "0", paramLabel = "GROUP", description = "the group's id or name")
    String group;

    @Parameters(index = "1", paramLabel = "FILE", description = "one member per line: a contact"
        + " id or an email; blank lines and lines starting with # are skipped; '-' reads"
        + " standard input")
    Path file;

    @Option(names = "--report", paramLabel = "FILE",
        description = "write every line's outcome here as CSV (line, member, outcome, id,"
            + " detail); without it, failures are listed on stderr")
    Path report;

    abstract String verb();

    abstract BulkResult<?> apply(ContactGroups groups, long groupId, List<Long> ids);

    @Override
    public Integer call() throws IOException {
      HappyFoxContactsCommand root = groups.root;
      CliEnvironment env = root.env();
      PrintStream out = new PrintStream(env.stdout(), true, StandardCharsets.UTF_8);
      long done = 0;
      long failed = 0;
      long lines = 0;
      try (Session session = root.openSession();
          BufferedReader reader = open(file, env.stdin());
          PrintStream reportOut = report == null ? null
              : new PrintStream(Files.newOutputStream(report), true, StandardCharsets.UTF_8)) {
        if (reportOut != null) {
          reportOut.print(ContactSink.csvLine(List.of("line", "member", "outcome", "id", "detail")));
        }
        ContactGroups contactGroups = session.client().contactGroups();
        Contacts contacts = session.client().contacts();
        long groupId = resolveGroup(contactGroups, group);
        List<String[]> chunk = new ArrayList<>();
        String line;
        while (true) {
          line = reader.readLine();
          if (line != null) {
            lines++;
            String member = line.strip();
            if (member.isEmpty() || member.startsWith("#")) {
              continue;
            }
            chunk.add(new String[] {Long.toString(lines), member});
          }
          if (chunk.size() == Importer.CHUNK || (line == null && !chunk.isEmpty())) {
            List<String[]> results = process(contacts, contactGroups, groupId, chunk);
            for (String[] result : results) {
              if (result[2].equals("added") || result[2].equals("removed")) {
                done++;
              } else {
                failed++;
                if (reportOut == null) {
                  env.stderr().println("line " + result[0] + " (" + result[1] + "): "
                      + result[2] + (result[4].isEmpty() ? "" : ": " + result[4]));
                }
              }
              if (reportOut != null) {
                reportOut.print(ContactSink.csvLine(List.of((Object[]) result)));
              }
            }
            chunk.clear();
          }
          if (line == null) {
            break;
          }
        }
        out.println(Character.toUpperCase(verb().charAt(0)) + verb().substring(1) + " "
            + Summary.plural(done, "member", "members") + (verb().equals("added") ? " to"
                : " from") + " group " + groupId + "; " + Summary.count(failed) + " failed"
            + (report != null ? ". Report: " + report : ""));
      }
      return failed > 0 ? ExitCode.PARTIAL_FAILURE : ExitCode.OK;
    }

    /** Resolves emails to ids (one GET each), then sends one request for the chunk. */
    private List<String[]> process(Contacts contacts, ContactGroups groups, long groupId,
        List<String[]> chunk) {
      List<String[]> results = new ArrayList<>();
      List<Long> ids = new ArrayList<>();
      List<Integer> positions = new ArrayList<>();
      for (String[] entry : chunk) {
        String member = entry[1];
        String[] result = {entry[0], member, "", "", ""};
        results.add(result);
        if (member.matches("[0-9]{1,18}") && Long.parseLong(member) > 0) {
          ids.add(Long.parseLong(member));
          positions.add(results.size() - 1);
        } else if (member.indexOf('@') > 0 && !member.contains(" ")) {
          try {
            Long id = contacts.getByEmail(member).getId();
            result[3] = id == null ? "" : id.toString();
            if (id == null) {
              result[2] = "failed";
              result[4] = "HappyFox answered the contact without an id";
            } else {
              ids.add(id);
              positions.add(results.size() - 1);
            }
          } catch (NotFoundException e) {
            result[2] = "not-found";
            result[4] = "no contact has this email";
          } catch (IllegalArgumentException e) {
            result[2] = "invalid";
            result[4] = e.getMessage();
          }
        } else {
          result[2] = "invalid";
          result[4] = "neither a contact id nor an email";
        }
      }
      if (!ids.isEmpty()) {
        BulkResult<?> bulk = apply(groups, groupId, ids);
        for (int k = 0; k < ids.size(); k++) {
          ItemResult<?> item = bulk.items().get(k);
          String[] result = results.get(positions.get(k));
          result[3] = ids.get(k).toString();
          if (item.succeeded()) {
            result[2] = verb();
          } else if (item.status() == ItemResult.Status.REJECTED) {
            result[2] = "rejected";
            result[4] = item.message().orElse(item.errors().toString());
          } else {
            result[2] = "failed";
            result[4] = item.chunkFailure().map(f -> f.exception().getMessage()).orElse("");
          }
        }
      }
      return results;
    }
  }

  /** {@code groups add}. */
  @Command(name = "add", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
      header = "Add contacts to a group from a file of contact ids or emails (100 a request).")
  static final class AddMembers extends Members {
    @Option(names = "--access-tickets",
        description = "let the members see the tickets of the group's other contacts")
    boolean accessTickets;

    @Override
    String verb() {
      return "added";
    }

    @Override
    BulkResult<?> apply(ContactGroups groups, long groupId, List<Long> ids) {
      List<GroupMember> members = new ArrayList<>();
      for (long id : ids) {
        members.add(GroupMember.of(id, accessTickets));
      }
      return groups.addContacts(groupId, members);
    }
  }

  /** {@code groups remove}. */
  @Command(name = "remove", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
      header = "Remove contacts from a group, from a file of contact ids or emails.")
  static final class RemoveMembers extends Members {
    @Override
    String verb() {
      return "removed";
    }

    @Override
    BulkResult<?> apply(ContactGroups groups, long groupId, List<Long> ids) {
      return groups.removeContacts(groupId, ids);
    }
  }

  static long resolveGroup(ContactGroups groups, String group) {
    if (group.matches("[0-9]{1,18}") && Long.parseLong(group) > 0) {
      return Long.parseLong(group);
    }
    List<ContactGroup> matches = new ArrayList<>();
    for (ContactGroup candidate : groups.list()) {
      if (candidate.getName() != null && candidate.getName().strip().toLowerCase(Locale.ROOT)
          .equals(group.strip().toLowerCase(Locale.ROOT))) {
        matches.add(candidate);
      }
    }
    if (matches.isEmpty()) {
      throw new CliException(ExitCode.NOT_FOUND, "no contact group is named \"" + group
          + "\" (see: happyfox-contacts groups list)");
    }
    if (matches.size() > 1 || matches.get(0).getId() == null) {
      throw CliException.usage("several groups are named \"" + group + "\"; give its id");
    }
    return matches.get(0).getId();
  }

  private static BufferedReader open(Path file, InputStream stdin) throws IOException {
    InputStream in = file.toString().equals("-") ? stdin : Files.newInputStream(file);
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
