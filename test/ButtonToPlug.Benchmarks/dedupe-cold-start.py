# What the DynamoDB package costs the Native AOT bootstrap: size, and cold start (process start -> first response posted
# to a minimal Runtime API) of the build without it and the build with it, alternated run by run in one session.
# Needs the build without the package in artifacts/baseline/aot (publish the commit before it there), the current one in
# artifacts/publish/aot, moto in python3, node, the AWS CLI.
# usage: python3 test/ButtonToPlug.Benchmarks/dedupe-cold-start.py . 20
import http.server, json, os, socket, subprocess, sys, threading, time, uuid, statistics, resource

root = sys.argv[1]; runs = int(sys.argv[2])
base = os.path.join(root, "artifacts/baseline/aot/bootstrap")
new = os.path.join(root, "artifacts/publish/aot/bootstrap")

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p

moto_port = free_port()
moto = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(moto_port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
sim = subprocess.Popen(["node", os.path.join(root, "test/simulator/serve.js"), "hs100"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
plug_port = json.loads(sim.stdout.readline())["devices"][0]["port"]
endpoint = f"http://127.0.0.1:{moto_port}"
env = dict(PATH=os.environ["PATH"], AWS_REGION="us-east-1", AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
           AWS_ENDPOINT_URL_SSM=endpoint, AWS_ENDPOINT_URL_DYNAMODB=endpoint, PARAMETER_PATH="/ButtonToPlug", AWS_LAMBDA_FUNCTION_NAME="ButtonToPlug")
for _ in range(100):
    try:
        socket.create_connection(("127.0.0.1", moto_port), 1).close(); break
    except OSError: time.sleep(0.1)
os.environ.update(AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", AWS_DEFAULT_REGION="us-east-1")
for name, value in [("host", "127.0.0.1"), ("port", str(plug_port))]:
    subprocess.run(["aws", "ssm", "put-parameter", "--name", f"/ButtonToPlug/{name}", "--type", "String", "--value", value, "--overwrite", "--endpoint-url", endpoint], check=True, stdout=subprocess.DEVNULL)
subprocess.run(["aws", "dynamodb", "create-table", "--table-name", "clicks", "--billing-mode", "PAY_PER_REQUEST", "--attribute-definitions", "AttributeName=clickKey,AttributeType=S",
                "--key-schema", "AttributeName=clickKey,KeyType=HASH", "--endpoint-url", endpoint], check=True, stdout=subprocess.DEVNULL)

class Api(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    event = b""; served = False; done = None
    def log_message(self, *a): pass
    def do_GET(self):
        if Api.served:
            self.send_response(500); self.send_header("Content-Length", "0"); self.end_headers(); return
        Api.served = True
        self.send_response(200)
        self.send_header("Lambda-Runtime-Aws-Request-Id", str(uuid.uuid4()))
        self.send_header("Lambda-Runtime-Deadline-Ms", str(int(time.time() * 1000) + 30000))
        self.send_header("Content-Type", "application/json"); self.send_header("Content-Length", str(len(Api.event))); self.end_headers()
        self.wfile.write(Api.event)
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        Api.done = (time.perf_counter(), self.path, body)
        self.send_response(202); self.send_header("Content-Length", "0"); self.end_headers()

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Api)
threading.Thread(target=server.serve_forever, daemon=True).start()
api = f"127.0.0.1:{server.server_address[1]}"

def run(binary, table, click_id):
    Api.served = False; Api.done = None
    event = {"serialNumber": "G030JF055364XVRB", "clickType": "SINGLE"}
    if click_id: event["clickId"] = str(uuid.uuid4())
    Api.event = json.dumps(event).encode()
    e = dict(env, AWS_LAMBDA_RUNTIME_API=api)
    if table: e["CLICK_TABLE"] = table
    start = time.perf_counter()
    p = subprocess.Popen([binary], env=e, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    assert Api.done and "/response" in Api.done[1], Api.done
    return (Api.done[0] - start) * 1000, (usage.ru_utime + usage.ru_stime) * 1000, usage.ru_maxrss / 1024

cases = [("before: no DynamoDB package, toggle", base, None, False),
         ("after: CLICK_TABLE unset, toggle", new, None, False),
         ("after: CLICK_TABLE set, toggle with clickId (client built, one PutItem)", new, "clicks", True)]
results = {c[0]: [] for c in cases}
for c in cases: run(c[1], c[2], c[3])  # one unmeasured run each
for i in range(runs):
    for name, binary, table, key in cases:
        results[name].append(run(binary, table, key))
print(f"bootstrap size: before {os.path.getsize(base)} B, after {os.path.getsize(new)} B, +{os.path.getsize(new) - os.path.getsize(base)} B")
print(f"load average: {os.getloadavg()}")
for name, rows in results.items():
    wall = sorted(r[0] for r in rows); cpu = sorted(r[1] for r in rows); rss = sorted(r[2] for r in rows)
    p90 = wall[int(0.9 * (len(wall) - 1))]
    print(f"{name}: wall median {statistics.median(wall):.1f} ms, p90 {p90:.1f} ms; CPU median {statistics.median(cpu):.1f} ms; peak RSS median {statistics.median(rss):.1f} MiB")
sim.stdin.close(); moto.terminate(); server.shutdown()
