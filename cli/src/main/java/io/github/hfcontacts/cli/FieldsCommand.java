package io.github.hfcontacts.cli;

import io.github.hfcontacts.client.CustomFieldDefinition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code fields}: the account's contact custom fields, as the columns of export and import. */
@Command(name = "fields", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    header = "List the contact custom fields: the column each becomes, its type and choices.")
final class FieldsCommand implements Callable<Integer> {
  @ParentCommand HappyFoxContactsCommand root;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "table, csv or jsonl (default: ${DEFAULT-VALUE})", defaultValue = "table")
  Table.Format format;

  @Override
  public Integer call() throws IOException {
    try (Session session = root.openSession()) {
      ContactColumns columns =
          new ContactColumns(session.client().customFields().definitions());
      List<List<Object>> rows = new ArrayList<>();
      for (int i = 0; i < columns.fields().size(); i++) {
        CustomFieldDefinition field = columns.fields().get(i);
        List<String> choices = new ArrayList<>();
        for (CustomFieldDefinition.Choice choice : field.choices()) {
          choices.add(choice.text());
        }
        rows.add(List.of(field.id(), columns.fieldColumns().get(i),
            field.type().name().toLowerCase(Locale.ROOT), field.required(), choices));
      }
      Table.print(format, List.of("id", "column", "type", "required", "choices"), rows,
          root.env().stdout());
    }
    return ExitCode.OK;
  }
}
