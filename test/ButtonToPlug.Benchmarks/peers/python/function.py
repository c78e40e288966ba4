"""The Python + boto3 peer of the field benchmark: the click ButtonToPlug makes, written the plain way.

A minimal Lambda Runtime API loop (next -> handle -> response), the SSM client made at import as Lambda's guides
advise, then per click: GetParametersByPath under PARAMETER_PATH, and one XOR/TCP set_relay_state to host:port.
"""
import json
import os
import socket
import struct
import urllib.request

import boto3

RUNTIME = "http://" + os.environ["AWS_LAMBDA_RUNTIME_API"] + "/2018-06-01/runtime"
PATH = os.environ.get("PARAMETER_PATH", "/ButtonToPlug")
SSM = boto3.client("ssm")


def xor_encrypt(text):
    key = 171
    out = bytearray()
    for byte in text.encode():
        key ^= byte
        out.append(key)
    return struct.pack(">I", len(out)) + bytes(out)


def xor_decrypt(payload):
    key = 171
    out = bytearray()
    for byte in payload:
        out.append(key ^ byte)
        key = byte
    return out.decode()


def read_exactly(connection, count):
    data = b""
    while len(data) < count:
        chunk = connection.recv(count - len(data))
        if not chunk:
            raise ConnectionError("plug closed the connection")
        data += chunk
    return data


def settings():
    values = {}
    for page in SSM.get_paginator("get_parameters_by_path").paginate(Path=PATH, WithDecryption=True):
        for parameter in page["Parameters"]:
            values[parameter["Name"][len(PATH) + 1:]] = parameter["Value"]
    return values


def click(event):
    values = settings()
    host, port = values["host"], int(values.get("port", "9999"))
    request = {"system": {"set_relay_state": {"state": 1}}}
    with socket.create_connection((host, port), timeout=float(values.get("timeout", "3"))) as connection:
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        connection.sendall(xor_encrypt(json.dumps(request)))
        length = struct.unpack(">I", read_exactly(connection, 4))[0]
        answer = json.loads(xor_decrypt(read_exactly(connection, length)))
    if answer["system"]["set_relay_state"].get("err_code", 0) != 0:
        raise RuntimeError("plug refused: " + json.dumps(answer))
    return {"clickType": event.get("clickType"), "action": "on", "host": host, "port": port, "after": "on"}


def main():
    while True:
        with urllib.request.urlopen(RUNTIME + "/invocation/next") as response:
            request_id = response.headers["Lambda-Runtime-Aws-Request-Id"]
            event = json.loads(response.read())
        try:
            body, outcome = json.dumps(click(event)).encode(), "response"
        except Exception as error:  # noqa: BLE001 - any failure is this invocation's error
            body, outcome = json.dumps({"errorMessage": str(error), "errorType": type(error).__name__}).encode(), "error"
        posted = urllib.request.Request(RUNTIME + "/invocation/" + request_id + "/" + outcome, data=body, method="POST")
        urllib.request.urlopen(posted).close()


if __name__ == "__main__":
    main()
