import base64, json, subprocess, urllib.request
sandbox = subprocess.Popen(["java", "-jar", "sandbox/target/happyfox-contacts-sandbox.jar", "--seed-contacts", "120"],
                           stdout=subprocess.PIPE, text=True)
env = dict(line.strip().split("=", 1) for line in iter(sandbox.stdout.readline, "HAPPYFOX_SANDBOX_READY=true\n"))
auth = base64.b64encode(f"{env['HAPPYFOX_SANDBOX_API_KEY']}:{env['HAPPYFOX_SANDBOX_AUTH_CODE']}".encode()).decode()
page = urllib.request.Request(env["HAPPYFOX_SANDBOX_URL"] + "users/?size=50", headers={"Authorization": "Basic " + auth})
assert json.load(urllib.request.urlopen(page))["page_info"]["page_count"] == 3
assert json.load(urllib.request.urlopen(env["HAPPYFOX_SANDBOX_ADMIN_URL"] + "stats"))["rate_limited"] == 0
sandbox.terminate()
