#!/usr/bin/python3
"""The shortest round-trip decimal digits of float32 values as numpy computes them (Dragon4 with
unique=True), for FloatTextTest: tests/resources/fixtures/floats/shortest.txt, one line per value,
"BITS DIGITS EXPONENT": the float's bits in hex, its significant digits D1D2D3... and the power of ten
of the first digit (the value is D1.D2D3... x 10^EXPONENT). The values: the settings' defaults, values near powers of two
and ten, subnormals, the extremes, and 400 random bit patterns over every exponent (seed 5)."""
import numpy as np

OUT = "tests/resources/fixtures/floats/shortest.txt"


def values():
    fixed = [2e-4, 0.9, 0.999, 0.0, 0.5, 1e-3, 1e7, 9999999.0, 1.1754944e-38, 1.4e-45, 3.4028235e38,
             0.1, 1 / 3, 123456.79, 1e-5, 2e-5, 0.001, 16777216.0, 8388608.5, 0.3]
    out = [np.float32(v) for v in fixed]
    for e in range(-40, 39, 3):
        base = np.float32(10.0 ** e) if 10.0 ** e < 3.4e38 else np.float32(3e38)
        out += [base, np.nextafter(base, np.float32(np.inf)), np.nextafter(base, np.float32(0))]
    for e in range(-126, 128, 7):
        p = np.float32(2.0 ** e)
        out += [p, np.nextafter(p, np.float32(0))]
    rng = np.random.RandomState(5)
    bits = rng.randint(1, 0x7F7FFFFF, size=400, dtype=np.int64).astype(np.uint32)
    out += list(bits.view(np.float32))
    return out


def main():
    lines = []
    for v in values():
        v = np.float32(v)
        if v == 0:
            continue
        text = np.format_float_scientific(v, unique=True, trim="-")
        mantissa, exponent = text.split("e")
        digits = mantissa.replace(".", "").lstrip("-")
        lines.append(f"{int(v.view(np.uint32)):08x} {digits} {int(exponent)}")
    with open(OUT, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{len(lines)} values written to {OUT}")


if __name__ == "__main__":
    main()
