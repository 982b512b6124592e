#!/usr/bin/python3
"""Writes tests/resources/fixtures/tensorboard/events.golden: three TensorBoard events encoded by the
protobuf library (python3-protobuf) from message types declared here with TensorBoard's field
numbers (tensorflow/core/util/event.proto, tensorflow/core/framework/summary.proto), framed as
TFRecords with masked CRC-32C, so that TensorBoardWriterTest can compare our encoder byte for byte.
Run: /usr/bin/python3 tools/make_tensorboard_fixture.py"""
import os
import struct

from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

F = descriptor_pb2.FieldDescriptorProto


def message(file, name, fields):
    m = file.message_type.add(name=name)
    for field_name, number, kind, type_name in fields:
        f = m.field.add(name=field_name, number=number, label=F.LABEL_OPTIONAL, type=kind)
        if type_name:
            f.type_name = type_name
            f.label = F.LABEL_REPEATED if field_name == "value" else F.LABEL_OPTIONAL


def classes():
    file = descriptor_pb2.FileDescriptorProto(name="tb_fixture.proto", package="tbfixture", syntax="proto3")
    message(file, "Image", [("height", 1, F.TYPE_INT32, None), ("width", 2, F.TYPE_INT32, None),
                            ("colorspace", 3, F.TYPE_INT32, None), ("encoded_image_string", 4, F.TYPE_BYTES, None)])
    message(file, "Value", [("tag", 1, F.TYPE_STRING, None), ("simple_value", 2, F.TYPE_FLOAT, None),
                            ("image", 4, F.TYPE_MESSAGE, ".tbfixture.Image")])
    message(file, "Summary", [("value", 1, F.TYPE_MESSAGE, ".tbfixture.Value")])
    message(file, "Event", [("wall_time", 1, F.TYPE_DOUBLE, None), ("step", 2, F.TYPE_INT64, None),
                            ("file_version", 3, F.TYPE_STRING, None), ("summary", 5, F.TYPE_MESSAGE, ".tbfixture.Summary")])
    pool = descriptor_pool.DescriptorPool()
    pool.Add(file)
    get = message_factory.GetMessageClass if hasattr(message_factory, "GetMessageClass") else \
        message_factory.MessageFactory(pool).GetPrototype
    return {n: get(pool.FindMessageTypeByName("tbfixture." + n)) for n in ("Event", "Summary", "Value", "Image")}


def crc32c(data):
    crc = 0xFFFFFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF


def masked(crc):
    return ((((crc >> 15) | (crc << 17)) & 0xFFFFFFFF) + 0xA282EAD8) & 0xFFFFFFFF


def record(data):
    length = struct.pack("<Q", len(data))
    return length + struct.pack("<I", masked(crc32c(length))) + data + struct.pack("<I", masked(crc32c(data)))


def main():
    assert crc32c(b"123456789") == 0xE3069283
    c = classes()
    first = c["Event"](wall_time=1700000000.25, file_version="brain.Event:2")
    scalars = c["Event"](wall_time=1700000001.5, step=42)
    scalars.summary.value.add(tag="loss/d", simple_value=0.75)
    scalars.summary.value.add(tag="loss/g", simple_value=-1.25)
    image = c["Event"](wall_time=1700000002.0, step=43)
    v = image.summary.value.add(tag="samples")
    v.image.height, v.image.width, v.image.colorspace = 2, 3, 1
    v.image.encoded_image_string = bytes(range(7))
    out = b"".join(record(e.SerializeToString()) for e in (first, scalars, image))
    path = os.path.join(os.path.dirname(__file__), "..", "tests", "resources", "fixtures", "tensorboard", "events.golden")
    with open(path, "wb") as f:
        f.write(out)
    print(path, len(out), "bytes")


if __name__ == "__main__":
    main()
