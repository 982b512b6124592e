#!/usr/bin/python3
"""Prints the entries of .agfx golden fixtures (name, shape, value range), to check what
tools/make_fixtures.py wrote; the format is described there. Plain Python, no torch needed.

usage: tools/read_fixture.py FILE.agfx [FILE.agfx ...]
"""
import struct
import sys

MAGIC = b"AGFX1\0\0\0"


def read_fixture(path):
    """The .agfx file at path -> list of (name, dims, values); fails on a malformed file."""
    data = open(path, "rb").read()
    if data[:8] != MAGIC:
        raise ValueError(f"{path}: bad magic {data[:8]!r}")
    pos = 8

    def take(fmt):
        nonlocal pos
        values = struct.unpack_from("<" + fmt, data, pos)
        pos += struct.calcsize("<" + fmt)
        return values

    entries = []
    (count,) = take("i")
    for _ in range(count):
        (name_length,) = take("i")
        name = data[pos:pos + name_length].decode("utf-8")
        pos += name_length
        (rank,) = take("i")
        dims = take(f"{rank}i")
        size = 1
        for d in dims:
            size *= d
        entries.append((name, dims, take(f"{size}f")))
    if pos != len(data):
        raise ValueError(f"{path}: {len(data) - pos} bytes left after {count} entries")
    return entries


def main():
    for path in sys.argv[1:]:
        print(path)
        for name, dims, values in read_fixture(path):
            shape = "scalar" if not dims else "(" + ",".join(map(str, dims)) + ")"
            summary = f"{values[0]:.9g}" if not dims else f"min {min(values):.6g} max {max(values):.6g}"
            print(f"  {name:<16} {shape:<14} {summary}")


if __name__ == "__main__":
    main()
