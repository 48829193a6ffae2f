"""Do the comparison helpers accept the right answer and explain each kind of wrong one?"""

import numpy as np
import pytest

from grader.compare import Mismatch, expect_tensor
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
