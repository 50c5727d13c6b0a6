#!/usr/bin/env python3
"""A loopback stand-in for the Central Portal's upload endpoint, for scripts/build-bundle.sh.

  fake-central.py PORT_FILE BUNDLE_FILE

Listens on 127.0.0.1 on a free port (written to PORT_FILE), accepts one
POST /api/v1/publisher/upload (multipart, part "bundle") from the central-publishing plugin,
writes the uploaded zip to BUNDLE_FILE, answers a deployment id and exits. It validates
nothing: scripts/check-bundle.sh checks the bundle the way Central does. It exits by itself
after 15 minutes if no upload arrives.
"""
import email.parser
import email.policy
import http.server
import sys
import threading

port_file, bundle_file = sys.argv[1], sys.argv[2]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 (http.server's naming)
        if not self.path.startswith("/api/v1/publisher/upload"):
            self.send_error(404, "only the upload endpoint is served")
            return
        if not self.headers.get("Authorization"):
            self.send_error(401, "the plugin sends the user token of its server id")
            return
        body = self.rfile.read(int(self.headers["Content-Length"]))
        head = ("Content-Type: " + self.headers["Content-Type"] + "\r\n\r\n").encode()
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
        for part in message.iter_parts():
            if part.get_param("name", header="content-disposition") == "bundle":
                with open(bundle_file, "wb") as out:
                    out.write(part.get_payload(decode=True))
                answer = b"bundle-check-deployment"
                self.send_response(201)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)
                threading.Thread(target=self.server.shutdown, daemon=True).start()
                return
        self.send_error(400, "no part named bundle")

    def log_message(self, fmt, *args):
        sys.stderr.write("fake-central: " + (fmt % args) + "\n")


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
with open(port_file, "w") as f:
    f.write(str(server.server_address[1]))
threading.Timer(900, server.shutdown).start()
server.serve_forever()
