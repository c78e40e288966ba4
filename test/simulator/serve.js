'use strict';
// Starts simulated Kasa devices on 127.0.0.1 for the tests and lets them read the devices' state from the simulator
// itself, never through the client under test.
//
// usage: node serve.js MODEL[=ALIAS] ...     e.g. node serve.js hs100 hs300 "hs110=Küche"
// stdout, first line:  {"devices":[{"model":"hs100","port":41234,"deviceId":"…","children":[]}, …]}
// then one JSON line per stdin line:
//   {"op":"state","device":0}                           -> {"on":true,"children":[{"id":"…","on":false},…]}
//   {"op":"set","device":0,"on":true[,"child":"<id>"]}  -> {"ok":true}     (arrange a state without our client)
//   {"op":"countdown","device":0[,"child":"<id>"]}      -> {"rules":[…]}   (the device's count_down rule list)
// Exits when stdin closes.
const readline = require('node:readline');
const { Device } = require('tplink-smarthome-simulator');

function fail(message) {
  process.stderr.write(`serve.js: ${message}\n`);
  process.exit(2);
}

// The simulator throws from timers and promise chains on bad input; a test peer must report, never die.
process.on('uncaughtException', (err) => process.stderr.write(`serve.js uncaught: ${err && err.stack}\n`));
process.on('unhandledRejection', (err) => process.stderr.write(`serve.js unhandled: ${err && err.stack}\n`));

function childrenOf(device) {
  return device.model === 'hs300' || device.data.children
    ? Object.keys(device.data.children || {}).map((id) => device.data.children[id])
    : [];
}

function findChild(device, childId) {
  const child = (device.data.children || {})[childId];
  if (child == null) throw new Error(`device has no child ${childId}`);
  return child;
}

function answer(devices, request) {
  const device = devices[request.device];
  if (device == null) throw new Error(`no device ${request.device}`);
  switch (request.op) {
    case 'state':
      return {
        on: device.data.system.sysinfo.relay_state === 1,
        children: childrenOf(device).map((c) => ({ id: c.sysinfo.id, alias: c.sysinfo.alias, on: c.sysinfo.state === 1 })),
      };
    case 'set': {
      const state = request.on ? 1 : 0;
      if (request.child != null) findChild(device, request.child).sysinfo.state = state;
      else if (childrenOf(device).length > 0) childrenOf(device).forEach((c) => { c.sysinfo.state = state; });
      else device.data.system.sysinfo.relay_state = state;
      return { ok: true };
    }
    case 'countdown': {
      const owner = request.child != null ? findChild(device, request.child) : device.data;
      return { rules: owner.count_down.rules.rule_list };
    }
    default:
      throw new Error(`unknown op ${request.op}`);
  }
}

// The simulator binds UDP on port 0 and then TCP on the same number, which another socket may already hold on a busy
// machine (EADDRINUSE). Its own retry still rejects, so a fresh device on a fresh port is started instead.
async function startDevice(model, alias) {
  const attempts = 20;
  for (let attempt = 1; ; attempt += 1) {
    const device = new Device({ model, port: 0, address: '127.0.0.1', alias });
    device.deviceNetworking.on('error', (err) => {
      // protocol=auto probes every port with KLAP and AES handshakes too; the HTTP bytes they send reach this XOR port and the
      // simulator's JSON parser rejects them (a real plug drops them silently). Only that expected refusal goes unreported.
      if (err && /^Unexpected .* at position \d+ in state /.test(err.message)) return;
      process.stderr.write(`serve.js [${model}] ${err && err.message}\n`);
    });
    try {
      await device.start();
      return device;
    } catch (err) {
      await device.stop().catch(() => {});
      if (!(err && err.code === 'EADDRINUSE') || attempt === attempts) throw err;
    }
  }
}

async function main() {
  const specs = process.argv.slice(2);
  if (specs.length === 0) fail('name at least one model, e.g. hs100');
  const devices = [];
  for (const spec of specs) {
    const [model, alias] = spec.split('=', 2);
    if (!Device.models.includes(model)) fail(`unknown model ${model}; known: ${Device.models.join(', ')}`);
    devices.push(await startDevice(model, alias));
  }

  process.stdout.write(`${JSON.stringify({
    devices: devices.map((d) => ({
      model: d.model,
      port: d.port,
      deviceId: d.data.system.sysinfo.deviceId,
      children: childrenOf(d).map((c) => c.sysinfo.id),
    })),
  })}\n`);

  const lines = readline.createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (line.trim() === '') return;
    let reply;
    try {
      reply = answer(devices, JSON.parse(line));
    } catch (err) {
      reply = { error: String(err && err.message) };
    }
    process.stdout.write(`${JSON.stringify(reply)}\n`);
  });
  lines.on('close', async () => {
    await Promise.all(devices.map((d) => d.stop()));
    process.exit(0);
  });
}

main().catch((err) => fail(err && err.stack));
