/** A user's module: requires the client by the module names the SDK documents. */
module com.example.jpms {
  requires io.github.hfcontacts.client;
  requires io.github.hfcontacts.openapi;
  requires jdk.httpserver;
}
