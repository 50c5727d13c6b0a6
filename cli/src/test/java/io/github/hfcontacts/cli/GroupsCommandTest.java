package io.github.hfcontacts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hfcontacts.openapi.model.Contact;
import io.github.hfcontacts.openapi.model.ContactGroupDetail;
import io.github.hfcontacts.openapi.model.ContactGroupMember;
import io.github.hfcontacts.sandbox.HappyFoxSandbox;
import io.github.hfcontacts.sandbox.HappyFoxSandboxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code groups} and {@code fields} in this JVM against a sandbox over HTTP. */
class GroupsCommandTest {
  @RegisterExtension
  final HappyFoxSandboxExtension sandbox =
      HappyFoxSandboxExtension.of(HappyFoxSandbox.builder().seed(9).seedContacts(20));

  @TempDir Path dir;

  @Test
  void listShowsEveryGroup() {
    CliRun run = cli().run("--base-url", sandbox.baseUrl(), "groups", "list");

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCode.OK);
    assertThat(run.stdout.lines().findFirst().orElse(""))
        .startsWith("ID  NAME").contains("DESCRIPTION", "TAGGED_DOMAINS");
    for (ContactGroupDetail group : sandbox.sandbox().contactGroups()) {
      assertThat(run.stdout).contains(group.getName());
    }
  }

  @Test
  void listAsJsonLines() {
    CliRun run = cli().run("--base-url", sandbox.baseUrl(), "groups", "list", "--format",
        "jsonl");

    assertThat(run.stdout.lines()).hasSize(sandbox.sandbox().contactGroups().size())
        .allSatisfy(line -> assertThat(line).startsWith("{\"id\":"));
  }

  @Test
  void createMakesAGroup() {
    CliRun run = cli().run("--base-url", sandbox.baseUrl(), "groups", "create", "Partners",
        "--description", "Resellers", "--tagged-domains", "partner.test,reseller.test");

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCode.OK);
    ContactGroupDetail created = group("Partners");
    assertThat(run.stdout).isEqualTo("Created contact group " + created.getId()
        + " \"Partners\".\n");
    assertThat(created.getDescription()).isEqualTo("Resellers");
    assertThat(created.getTaggedDomains()).isEqualTo("partner.test,reseller.test");
  }

  @Test
  void addTakesIdsAndEmailsByGroupNameAndReportsEachLine() throws IOException {
    List<Contact> contacts = sandbox.sandbox().contacts();
    cli().run("--base-url", sandbox.baseUrl(), "groups", "create", "Beta testers");
    Path members = dir.resolve("members.txt");
    Files.writeString(members, "# testers\n" + contacts.get(0).getId() + "\n\n"
        + contacts.get(1).getEmail() + "\nnobody@nowhere.test\nnot a member\n");
    Path report = dir.resolve("report.csv");

    CliRun run = cli().run("--base-url", sandbox.baseUrl(), "groups", "add", "beta testers",
        members.toString(), "--report", report.toString());

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCode.PARTIAL_FAILURE);
    assertThat(run.stdout).startsWith("Added 2 members to group ");
    assertThat(memberIds("Beta testers"))
        .containsExactlyInAnyOrder(contacts.get(0).getId(), contacts.get(1).getId());
    assertThat(Files.readAllLines(report)).containsExactly(
        "line,member,outcome,id,detail",
        "2," + contacts.get(0).getId() + ",added," + contacts.get(0).getId() + ",",
        "4," + contacts.get(1).getEmail() + ",added," + contacts.get(1).getId() + ",",
        "5,nobody@nowhere.test,not-found,,no contact has this email",
        "6,not a member,invalid,,neither a contact id nor an email");
  }

  @Test
  void removeTakesMembersFromStandardInput() {
    List<Contact> contacts = sandbox.sandbox().contacts();
    cli().run("--base-url", sandbox.baseUrl(), "groups", "create", "Temp");
    cli().stdin(contacts.get(2).getId() + "\n" + contacts.get(3).getId() + "\n")
        .run("--base-url", sandbox.baseUrl(), "groups", "add", "Temp", "-");

    CliRun run = cli().stdin(contacts.get(2).getEmail() + "\n")
        .run("--base-url", sandbox.baseUrl(), "groups", "remove", "Temp", "-");

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCode.OK);
    assertThat(run.stdout).startsWith("Removed 1 member from group ");
    assertThat(memberIds("Temp")).containsExactly(contacts.get(3).getId());
  }

  @Test
  void anUnknownGroupIsNotFound() throws IOException {
    Path members = dir.resolve("members.txt");
    Files.writeString(members, "1\n");

    CliRun run = cli().run("--base-url", sandbox.baseUrl(), "groups", "add", "Nope",
        members.toString());

    assertThat(run.exitCode).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(run.stderr).contains("no contact group is named \"Nope\"");
    assertThat(sandbox.stats().postRequests()).isZero();
  }

  @Test
  void fieldsListsTheColumnsOfCustomFields() {
    CliRun run = cli().run("--base-url", sandbox.baseUrl(), "fields", "--format", "csv");

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCode.OK);
    assertThat(run.stdout.lines()).contains("id,column,type,required,choices",
        "5,Region ID,choice,false,APAC; Australia; Europe; North America",
        "8,Renewal Date,date,false,");
  }

  private ContactGroupDetail group(String name) {
    return sandbox.sandbox().contactGroups().stream().filter(g -> g.getName().equals(name))
        .findFirst().orElseThrow();
  }

  private Set<Long> memberIds(String name) {
    return group(name).getContacts().stream().map(ContactGroupMember::getId)
        .collect(Collectors.toSet());
  }

  private CliRun.Builder cli() {
    return CliRun.against(dir, sandbox.sandbox());
  }
}
