"""Does the wire format carry data only, intact, and refuse everything else?"""

import io
import os
import pickle

import numpy as np
import pytest

from grader import wire


def roundtrip(value):
    data = wire.encode(value)
    read, write = os.pipe()
    os.write(write, data)
    os.close(write)
    try:
        return wire.receive(read)
    finally:
        os.close(read)


def test_values_survive_a_roundtrip():
    value = {"a": np.arange(6.0).reshape(2, 3), "t": (1, 2.5, "x", None, True), "l": [np.float32(1.5)],
             "r": wire.Rng(7), "h": wire.Handle(3), "d": wire.Defined("Value"),
             "f": wire.Helper("quad", (np.eye(2), 3)), "nan": float("nan")}
    back = roundtrip(value)
    np.testing.assert_array_equal(back["a"], value["a"])
    assert back["t"] == (1, 2.5, "x", None, True)
    assert isinstance(back["l"][0], np.float32) and back["l"][0] == 1.5
    assert back["r"] == wire.Rng(7) and back["h"] == wire.Handle(3) and back["d"] == wire.Defined("Value")
    assert back["f"].factory == "quad" and back["f"].args[1] == 3
    np.testing.assert_array_equal(back["f"].args[0], np.eye(2))
    assert np.isnan(back["nan"])


def test_received_arrays_are_read_only_for_good():
    array = roundtrip(np.ones((2, 2)))
    assert not array.flags.writeable
    with pytest.raises(ValueError):
        array.setflags(write=True)


def test_fortran_and_integer_arrays_keep_values_and_dtype():
    array = np.asfortranarray(np.arange(12, dtype=np.int32).reshape(3, 4))
    back = roundtrip(array)
    assert back.dtype == np.int32
    np.testing.assert_array_equal(back, array)


@pytest.mark.parametrize("value", [object(), np.array([object()]), {1: 2}, lambda: 0, {"x": {1, 2}}])
def test_values_that_are_not_data_are_refused(value):
    with pytest.raises(wire.WireError):
        wire.encode(value)


def test_a_pickle_is_not_a_message():
    read, write = os.pipe()
    os.write(write, pickle.dumps({"a": 1}))
    os.close(write)
    with pytest.raises(wire.WireError):
        wire.receive(read)
    os.close(read)


def test_a_pickled_array_payload_is_refused():
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, np.array([object()]), allow_pickle=True)
    header = b'{"body": {"$a": 0}, "sizes": [%d]}' % len(buffer.getvalue())
    with pytest.raises(wire.WireError):
        wire.decode_frame(header, buffer.getvalue())


def test_unknown_tags_are_refused():
    with pytest.raises(wire.WireError):
        wire.decode_frame(b'{"body": {"$evil": 1}, "sizes": []}', b"")


def test_a_silent_writer_times_out():
    read, write = os.pipe()
    with pytest.raises(wire.ChannelTimeout):
        wire.receive(read, deadline=0)
    os.close(read)
    os.close(write)
