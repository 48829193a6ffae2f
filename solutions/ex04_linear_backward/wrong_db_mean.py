"""Wrong variant of exercise 4: db averaged over the batch instead of summed."""

PART = "linear_backward"
TITLE = "db усреднён по батчу, а не просуммирован"
HINTS = (
    "Удвойте батч, повторив его: как должен измениться градиент по b?",
    "Смещение прибавляется к каждой строке y, поэтому вклады всех примеров складываются; "
    "усреднение (если оно нужно) уже учтено в grad_out.",
    "db — сумма grad_out по оси батча.",
)


def linear_backward(x, W, b, grad_out):
    return grad_out @ W, grad_out.T @ x, grad_out.mean(axis=0)
