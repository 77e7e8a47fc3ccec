"""Reads the narrow Kubernetes .proto files in proto/ (a strict subset of the upstream
generated.proto files: same message names, field names and numbers, only the fields
kubectl-heal's models read) and encodes JSON objects with them the way kube-apiserver's
protobuf serializer does. Used by generate-schema.py (the Swift schema table) and by the
benchmark's fake API server (protobuf answers); Python 3 stdlib only.

The accepted grammar is deliberately small: `syntax`, `package`, `import`, top-level
`message NAME { ... }` blocks whose lines are `optional|repeated TYPE NAME = N;` or
`map<string, TYPE> NAME = N;`, and `//` comments. A field line may end with one of two
markers that say how Go's JSON differs from the wire (proto/README.md):

  // omitempty   a non-pointer scalar JSON leaves out when zero; gogo-protobuf always writes it
  // inline      a Go embedded struct: a nested message on the wire, its fields inline in JSON
"""

import datetime as dt
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
PROTO_DIR = os.path.abspath(os.path.join(HERE, "..", "..", "proto"))

SCALARS = {"string", "bool", "int32", "int64"}
META = "k8s.io.apimachinery.pkg.apis.meta.v1"
# Messages whose JSON form is not an object (apimachinery's custom marshalling).
SPECIAL = {
    META + ".Time": "time",
    META + ".MicroTime": "microTime",
    "k8s.io.apimachinery.pkg.api.resource.Quantity": "quantity",
    "k8s.io.apimachinery.pkg.util.intstr.IntOrString": "intOrString",
}
# The `k8s\0` prefix of every protobuf object kube-apiserver sends (not of watch frames).
MAGIC = b"k8s\x00"

FIELD = re.compile(r"^(optional|repeated)\s+([\w.]+)\s+(\w+)\s*=\s*(\d+)\s*;$")
MAP_FIELD = re.compile(r"^map<\s*string\s*,\s*([\w.]+)\s*>\s+(\w+)\s*=\s*(\d+)\s*;$")


class ProtoError(Exception):
    pass


MARKERS = {"omitempty", "inline"}


class Field:
    def __init__(self, number, name, type_name, cardinality, marker=None):
        self.number = number
        self.name = name
        self.type = type_name  # a scalar, or a fully qualified message name
        self.cardinality = cardinality  # "single", "repeated" or "map"
        self.marker = marker  # None, "omitempty" or "inline"

    @property
    def kind(self):
        """string/bool/int32/int64, time/microTime/quantity/intOrString, or message."""
        if self.type in SCALARS:
            return self.type
        return SPECIAL.get(self.type, "message")


def parse(directory=PROTO_DIR):
    """{fully qualified message name: [Field, ...]} from every .proto file in `directory`."""
    messages = {}
    for file_name in sorted(os.listdir(directory)):
        if file_name.endswith(".proto"):
            _parse_file(os.path.join(directory, file_name), messages)
    for name, fields in messages.items():
        for field in fields:
            if field.type not in SCALARS and field.type not in messages:
                raise ProtoError(f"{name}.{field.name}: unknown type {field.type}")
    _check_acyclic(messages)
    return messages


def _parse_file(path, messages):
    package = None
    current = None
    for number, raw in enumerate(open(path, encoding="utf-8"), 1):
        line, _, comment = (part.strip() for part in raw.partition("//"))
        where = f"{os.path.basename(path)}:{number}"
        if not line:
            continue
        if line.startswith("syntax") or line.startswith("import"):
            continue
        if line.startswith("package "):
            package = line[len("package "):].rstrip(";").strip()
            continue
        if line.startswith("message ") and line.endswith("{"):
            if package is None or current is not None:
                raise ProtoError(f"{where}: message outside a package, or nested")
            current = package + "." + line[len("message "):-1].strip()
            if current in messages:
                raise ProtoError(f"{where}: {current} defined twice")
            messages[current] = []
            continue
        if line == "}":
            if current is None:
                raise ProtoError(f"{where}: unbalanced }}")
            current = None
            continue
        if current is None:
            raise ProtoError(f"{where}: unexpected line {line!r}")
        match = FIELD.match(line)
        map_match = MAP_FIELD.match(line)
        if match:
            label, type_name, name, field_number = match.groups()
            cardinality = "repeated" if label == "repeated" else "single"
        elif map_match:
            type_name, name, field_number = map_match.groups()
            cardinality = "map"
        else:
            raise ProtoError(f"{where}: cannot read {line!r}")
        if type_name not in SCALARS and "." not in type_name:
            type_name = package + "." + type_name
        marker = comment or None
        if marker is not None and marker not in MARKERS:
            raise ProtoError(f"{where}: unknown marker {marker!r} (expected one of {sorted(MARKERS)})")
        if marker == "inline" and (cardinality != "single" or type_name in SCALARS):
            raise ProtoError(f"{where}: only a singular message field can be inline")
        if marker == "omitempty" and (cardinality != "single" or type_name not in SCALARS):
            raise ProtoError(f"{where}: only a singular scalar field can be omitempty")
        fields = messages[current]
        if any(f.number == int(field_number) or f.name == name for f in fields):
            raise ProtoError(f"{where}: field {name} = {field_number} repeats a name or number")
        fields.append(Field(int(field_number), name, type_name, cardinality, marker))
    if current is not None:
        raise ProtoError(f"{path}: message {current} is not closed")


def _check_acyclic(messages):
    state = {}

    def visit(name, trail):
        if state.get(name) == "done":
            return
        if state.get(name) == "visiting":
            raise ProtoError("messages contain themselves: " + " -> ".join(trail + [name]))
        state[name] = "visiting"
        for field in messages[name]:
            if field.kind == "message":
                visit(field.type, trail + [name])
        state[name] = "done"

    for name in messages:
        visit(name, [])


def message_for(api_version, kind):
    """The upstream message name of a kind: ("apps/v1", "Deployment") -> k8s.io.api.apps.v1.Deployment."""
    if kind == "Status":
        return META + ".Status"
    group, _, version = api_version.rpartition("/")
    return f"k8s.io.api.{group.split('.')[0] if group else 'core'}.{version}.{kind}"


# Encoding (JSON value -> protobuf bytes), as gogo-protobuf writes Kubernetes objects: fields in
# number order, repeated fields unpacked, map entries as {1: key, 2: value} messages.

def _varint(value):
    value &= (1 << 64) - 1
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _key(number, wire_type):
    return _varint(number << 3 | wire_type)


def _delimited(number, payload):
    return _key(number, 2) + _varint(len(payload)) + payload


def _parse_time(text):
    seconds_text, _, fraction = text.rstrip("Z").partition(".")
    moment = dt.datetime.strptime(seconds_text, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=dt.timezone.utc)
    nanos = int((fraction + "000000000")[:9]) if fraction else 0
    return int(moment.timestamp()), nanos


def _value(field, value, messages):
    """The bytes of one value of `field` (with its key)."""
    kind = field.kind
    n = field.number
    if kind == "string":
        return _delimited(n, str(value).encode())
    if kind == "bool":
        return _key(n, 0) + _varint(1 if value else 0)
    if kind in ("int32", "int64"):
        return _key(n, 0) + _varint(int(value))
    if kind in ("time", "microTime"):
        seconds, nanos = _parse_time(value)
        body = _key(1, 0) + _varint(seconds) + _key(2, 0) + _varint(nanos)
        return _delimited(n, body)
    if kind == "quantity":
        return _delimited(n, _delimited(1, str(value).encode()))
    if kind == "intOrString":
        if isinstance(value, str):
            body = _key(1, 0) + _varint(1) + _key(2, 0) + _varint(0) + _delimited(3, value.encode())
        else:
            body = _key(1, 0) + _varint(0) + _key(2, 0) + _varint(int(value)) + _delimited(3, b"")
        return _delimited(n, body)
    return _delimited(n, encode_message(field.type, value, messages))


ZERO = {"string": "", "bool": False, "int32": 0, "int64": 0}


def encode_message(name, obj, messages):
    """The protobuf bytes of the JSON object `obj` as message `name`; keys the narrow schema
    does not know are left out, as a null value is. An `omitempty` scalar JSON left out is
    written as its zero, and an `inline` message is read from the object itself, as Go does."""
    out = bytearray()
    for field in sorted(messages[name], key=lambda f: f.number):
        if field.marker == "inline":
            out += _delimited(field.number, encode_message(field.type, obj, messages))
            continue
        value = obj.get(field.name) if isinstance(obj, dict) else None
        if value is None and field.marker == "omitempty":
            value = ZERO[field.type]
        if value is None:
            continue
        if field.cardinality == "repeated":
            for element in value:
                out += _value(field, element, messages)
        elif field.cardinality == "map":
            entry_field = Field(2, "value", field.type, "single")
            for key, element in value.items():
                entry = _delimited(1, key.encode())
                if element is not None:
                    entry += _value(entry_field, element, messages)
                out += _delimited(field.number, entry)
        else:
            out += _value(field, value, messages)
    return bytes(out)


def envelope(api_version, kind, raw):
    """`k8s\\0` + runtime.Unknown{typeMeta{apiVersion, kind}, raw}: a whole protobuf answer."""
    type_meta = _delimited(1, api_version.encode()) + _delimited(2, kind.encode())
    return MAGIC + _delimited(1, type_meta) + _delimited(2, raw) + _delimited(3, b"") + _delimited(4, b"")


def list_message(list_meta, encoded_items):
    """A `*List` message from its ListMeta JSON and items already encoded as their kind."""
    meta = encode_message(META + ".ListMeta", list_meta, schema())
    return _delimited(1, meta) + b"".join(_delimited(2, item) for item in encoded_items)


_parsed = None


def schema():
    """The messages of proto/, read once."""
    global _parsed
    if _parsed is None:
        _parsed = parse()
    return _parsed
