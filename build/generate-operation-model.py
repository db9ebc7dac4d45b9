#!/usr/bin/env python3
"""Writes src/Petard.Core/Model/apigateway-operations.json, Petard's own operation model.

It reads the official API Gateway model (Debian's python3-botocore) and keeps only facts of the
API: operation names, HTTP methods, URI templates, success codes, member names, locations, wire
names, shapes' kinds and required flags, which operations paginate, and the enums (a top-level
map of the official enum shapes, referenced by name from the members that hold one). No
documentation text is carried over. Run it again only to pick up a new service model; the tests check the result
against the official file on every run.

usage: python3 build/generate-operation-model.py [path/to/service-2.json [path/to/output.json]]
"""
import json
import os
import sys

DEFAULT = "/usr/lib/python3/dist-packages/botocore/data/apigateway/2015-07-09/service-2.json"


def member_entry(model, name, member, required):
    shape = model["shapes"][member["shape"]]
    entry = {}
    location = member.get("location", "body")
    if location != "body":
        entry["in"] = location
    wire = member.get("locationName", name)
    if wire != name:
        entry["wire"] = wire
    entry["type"] = shape["type"]
    if "enum" in shape:
        entry["enum"] = member["shape"]
    if required:
        entry["required"] = True
    return entry


def operation_entry(model, op, paginated):
    http = op["http"]
    entry = {"method": http["method"], "uri": http["requestUri"], "status": http.get("responseCode", 200)}
    members = {}
    if "input" in op:
        shape = model["shapes"][op["input"]["shape"]]
        required = set(shape.get("required", []))
        for name, member in shape["members"].items():
            members[name] = member_entry(model, name, member, name in required)
        if "payload" in shape:
            members[shape["payload"]]["in"] = "payload"
    entry["members"] = members
    if "output" in op:
        out = model["shapes"][op["output"]["shape"]]
        if "payload" in out and model["shapes"][out["members"][out["payload"]]["shape"]]["type"] == "blob":
            entry["output"] = "blob"
    if paginated:
        entry["paginated"] = True
    return entry


def enums(model):
    return {name: shape["enum"] for name, shape in sorted(model["shapes"].items()) if "enum" in shape}


def render(doc):
    # One operation per block, one member and one enum per line keep diffs of the model readable.
    lines = ["{", '  "service": "apigateway",', '  "version": "%s",' % doc["version"], '  "enums": {']
    names = list(doc["enums"].items())
    for i, (name, values) in enumerate(names):
        lines.append('    "%s": %s%s' % (name, json.dumps(values), "," if i < len(names) - 1 else ""))
    lines += ["  },", '  "operations": {']
    ops = list(doc["operations"].items())
    for i, (name, op) in enumerate(ops):
        head = {k: v for k, v in op.items() if k != "members"}
        head_json = json.dumps(head)[1:-1]
        lines.append('    "%s": { %s, "members": {' % (name, head_json))
        members = list(op["members"].items())
        for j, (mname, m) in enumerate(members):
            lines.append('      "%s": %s%s' % (mname, json.dumps(m), "," if j < len(members) - 1 else ""))
        lines.append("    } }%s" % ("," if i < len(ops) - 1 else ""))
    lines += ["  }", "}"]
    return "\n".join(lines) + "\n"


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    model = json.load(open(path))
    pag_path = os.path.join(os.path.dirname(path), "paginators-1.json")
    paginated = set(json.load(open(pag_path))["pagination"]) if os.path.exists(pag_path) else set()
    ops = {name: operation_entry(model, op, name in paginated) for name, op in sorted(model["operations"].items())}
    doc = {"version": model["metadata"]["apiVersion"], "enums": enums(model), "operations": ops}
    here = os.path.dirname(os.path.abspath(__file__))
    # Another output path lets the tests regenerate the model and compare it with the committed one.
    target = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "src", "Petard.Core", "Model", "apigateway-operations.json")
    with open(target, "w") as f:
        f.write(render(doc))
    print("wrote %d operations to %s" % (len(ops), os.path.normpath(target)))


if __name__ == "__main__":
    main()
