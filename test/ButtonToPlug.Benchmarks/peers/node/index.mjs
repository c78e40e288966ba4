// The Node + AWS SDK v3 peer of the field benchmark: the click ButtonToPlug makes, written the plain way.
// A minimal Lambda Runtime API loop (next -> handle -> response), the SSM client made at start-up as Lambda's guides
// advise, then per click: GetParametersByPath under PARAMETER_PATH, and one XOR/TCP set_relay_state to host:port.
import http from "node:http";
import net from "node:net";
import { SSMClient, paginateGetParametersByPath } from "@aws-sdk/client-ssm";

const runtime = process.env.AWS_LAMBDA_RUNTIME_API;
const path = process.env.PARAMETER_PATH ?? "/ButtonToPlug";
const ssm = new SSMClient({});
const agent = new http.Agent({ keepAlive: true });

function call(method, route, body) {
  const [host, port] = runtime.split(":");
  return new Promise((resolve, reject) => {
    const request = http.request({ host, port, method, agent, path: `/2018-06-01/runtime${route}` }, (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

function xorEncrypt(text) {
  const plain = Buffer.from(text);
  const frame = Buffer.alloc(4 + plain.length);
  frame.writeUInt32BE(plain.length, 0);
  let key = 171;
  for (let i = 0; i < plain.length; i++) {
    key ^= plain[i];
    frame[4 + i] = key;
  }
  return frame;
}

function xorDecrypt(payload) {
  const plain = Buffer.alloc(payload.length);
  let key = 171;
  for (let i = 0; i < payload.length; i++) {
    plain[i] = key ^ payload[i];
    key = payload[i];
  }
  return plain.toString();
}

function exchange(host, port, timeoutMs, request) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port, noDelay: true, timeout: timeoutMs });
    let received = Buffer.alloc(0);
    socket.on("connect", () => socket.write(xorEncrypt(JSON.stringify(request))));
    socket.on("data", (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (received.length >= 4 && received.length >= 4 + received.readUInt32BE(0)) {
        socket.end();
        resolve(JSON.parse(xorDecrypt(received.subarray(4, 4 + received.readUInt32BE(0)))));
      }
    });
    socket.on("timeout", () => socket.destroy(new Error("plug timed out")));
    socket.on("error", reject);
  });
}

async function settings() {
  const values = {};
  for await (const page of paginateGetParametersByPath({ client: ssm }, { Path: path, WithDecryption: true })) {
    for (const parameter of page.Parameters ?? []) {
      values[parameter.Name.slice(path.length + 1)] = parameter.Value;
    }
  }
  return values;
}

async function click(event) {
  const values = await settings();
  const host = values.host;
  const port = Number(values.port ?? "9999");
  const answer = await exchange(host, port, Number(values.timeout ?? "3") * 1000, { system: { set_relay_state: { state: 1 } } });
  if ((answer.system.set_relay_state.err_code ?? 0) !== 0) {
    throw new Error(`plug refused: ${JSON.stringify(answer)}`);
  }
  return { clickType: event.clickType, action: "on", host, port, after: "on" };
}

for (;;) {
  const next = await call("GET", "/invocation/next");
  if (next.headers["lambda-runtime-aws-request-id"] === undefined) {
    process.exit(0);
  }
  const requestId = next.headers["lambda-runtime-aws-request-id"];
  try {
    const result = await click(JSON.parse(next.body.toString()));
    await call("POST", `/invocation/${requestId}/response`, JSON.stringify(result));
  } catch (error) {
    await call("POST", `/invocation/${requestId}/error`, JSON.stringify({ errorMessage: String(error), errorType: error.name }));
  }
}
