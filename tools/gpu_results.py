#!/usr/bin/env python3
"""Keeps results.json, the one machine-readable file of gpu-check.sh, up to date as each stage ends:
sets one key (dotted for nesting, e.g. train_step.jmh) to a JSON file's content, a text file's
content, or a literal string, or appends a JSON object to a list. A missing or unreadable input
sets the key to null with the reason, so a failed stage still leaves a well-formed file. The file
is replaced atomically (written beside it, then renamed). Standard library only.

    gpu_results.py RESULTS set KEY --json FILE | --text FILE | --value TEXT
    gpu_results.py RESULTS append KEY --value-json JSON | --fields NAME=VALUE ...
"""
import argparse
import json
import os


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return {}


def put(root, dotted, value):
    keys = dotted.split(".")
    node = root
    for k in keys[:-1]:
        node = node.setdefault(k, {})
    node[keys[-1]] = value


def read_input(args):
    if args.value is not None:
        return args.value
    if args.value_json is not None:
        return json.loads(args.value_json)
    if args.fields is not None:
        fields = dict(f.split("=", 1) for f in args.fields)
        return {k: int(v) if v.isdigit() else v for k, v in fields.items()}
    path = args.json or args.text
    try:
        with open(path, errors="replace") as f:
            return json.load(f) if args.json else f.read()
    except (OSError, ValueError) as e:
        return {"missing": f"{path}: {e}"}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results")
    parser.add_argument("action", choices=["set", "append"])
    parser.add_argument("key")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--json", metavar="FILE")
    source.add_argument("--text", metavar="FILE")
    source.add_argument("--value", metavar="TEXT")
    source.add_argument("--value-json", metavar="JSON")
    source.add_argument("--fields", metavar="NAME=VALUE", nargs="+", help="an object of these fields")
    args = parser.parse_args()
    root = load(args.results)
    value = read_input(args)
    if args.action == "append":
        node = root
        keys = args.key.split(".")
        for k in keys[:-1]:
            node = node.setdefault(k, {})
        node.setdefault(keys[-1], []).append(value)
    else:
        put(root, args.key, value)
    tmp = args.results + ".tmp"
    with open(tmp, "w") as f:
        json.dump(root, f, indent=1)
    os.replace(tmp, args.results)


if __name__ == "__main__":
    main()
