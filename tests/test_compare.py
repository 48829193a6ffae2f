"""Do the comparison helpers accept the right answer and explain each kind of wrong one?"""

import numpy as np
import pytest

from grader.compare import Mismatch, expect_raises, expect_tensor
from grader.student import StudentError
from grader.wire import TensorValue

EXPECTED = np.arange(6.0).reshape(2, 3)


def test_a_tensor_on_the_inputs_device_with_the_right_values_passes():
    got = TensorValue(EXPECTED.copy(), "cuda:0", False)
    np.testing.assert_array_equal(expect_tensor(got, EXPECTED, device="cuda"), EXPECTED)


@pytest.mark.parametrize("got, words", [
    (EXPECTED.copy(), "вернули numpy.ndarray"),
    (TensorValue(EXPECTED.copy(), "cpu", False), "на устройстве cpu, а входы были на cuda"),
    (TensorValue(EXPECTED.astype(np.float32), "cuda:0", False), "float32"),
    (TensorValue(EXPECTED + 1e-6, "cuda:0", False), "неверны 6 из 6"),
    ([1.0, 2.0], "ожидался torch.Tensor"),
])
def test_each_wrong_tensor_is_named(got, words):
    with pytest.raises(Mismatch, match=words):
        expect_tensor(got, EXPECTED, device="cuda")


def raising(type_name):
    def call():
        raise StudentError(type_name, "bad k", "")
    return call


def test_expect_raises_wants_that_exception_and_names_what_came_instead():
    expect_raises(raising("ValueError"), "ValueError", "kfold(k=1)")
    with pytest.raises(Mismatch, match="выброшено IndexError, а нужно ValueError"):
        expect_raises(raising("IndexError"), "ValueError", "kfold(k=1)")
    with pytest.raises(Mismatch, match=r"kfold\(k=1\): функция вернула \[1, 2\] вместо ValueError"):
        expect_raises(lambda: [1, 2], "ValueError", "kfold(k=1)")
