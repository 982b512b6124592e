#!/usr/bin/python3
"""Reads a safetensors file by hand (Debian has no python3-safetensors) as a cross-check of the
Java writer (org.autogan4j.io.SafeTensors): parses the 8-byte little-endian header length and the
JSON header exactly as the format specifies, checks that the tensors tile the data section, loads
each F32 tensor with numpy and prints its name, shape, sum and first values, then the metadata.
If the real safetensors package is importable it also loads the file with it and compares.

Usage: tools/read_safetensors.py FILE.safetensors
"""
import json
import struct
import sys

import numpy as np


def read(path):
    with open(path, "rb") as f:
        blob = f.read()
    (header_length,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8:8 + header_length].decode("utf-8"))
    metadata = header.pop("__metadata__", {})
    data = blob[8 + header_length:]
    tensors = {}
    expected = 0
    for name, info in sorted(header.items(), key=lambda kv: kv[1]["data_offsets"][0]):
        begin, end = info["data_offsets"]
        assert info["dtype"] == "F32", f"{name}: dtype {info['dtype']}"
        assert begin == expected, f"{name}: starts at {begin}, previous ended at {expected}"
        values = np.frombuffer(data[begin:end], dtype="<f4")
        tensors[name] = values.reshape(info["shape"])
        expected = end
    assert expected == len(data), f"tensors cover {expected} of {len(data)} data bytes"
    return tensors, metadata


def main():
    tensors, metadata = read(sys.argv[1])
    for name, t in tensors.items():
        print(f"{name} {list(t.shape)} sum={float(t.sum(dtype=np.float64)):.9g} first={t.flatten()[:4].tolist()}")
    print("metadata:", json.dumps(metadata))
    try:
        from safetensors.numpy import load_file
    except ImportError:
        print("safetensors package not installed: hand parse only")
        return
    other = load_file(sys.argv[1])
    for name, t in tensors.items():
        assert np.array_equal(other[name], t), name
    print("safetensors package agrees")


if __name__ == "__main__":
    main()
