package io.github.hfcontacts.sandbox;

/** A phone number of a stored contact. */
final class StoredPhone {
  final long id;
  String type;
  String number;

  StoredPhone(long id, String type, String number) {
    this.id = id;
    this.type = type;
    this.number = number;
  }

  static String digits(String number) {
    StringBuilder digits = new StringBuilder(number.length());
    for (int i = 0; i < number.length(); i++) {
      char c = number.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      }
    }
    return digits.toString();
  }
}
