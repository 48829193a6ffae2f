"""Wrong variant of ex38: ceil_mode rounds up but keeps a last window that starts in the right padding."""

PART = "max_pool2d_with_indices"
TITLE = "ceil_mode: последнее окно, начинающееся в правом дополнении, не отброшено"
HINTS = (
    "Сравните размер выхода с PyTorch при H=5, kernel_size=2, stride=2, padding=1, ceil_mode=True.",
    "Округление вверх добавляет окно, но PyTorch оставляет его, только если оно начинается внутри входа "
    "или левого дополнения.",
    "После округления вверх уменьшите размер на 1, если (H_out - 1) * stride >= H + padding.",
)


def _pool_size(size, kernel_size, stride, padding, ceil_mode):
    span = size + 2 * padding - kernel_size
    return (-(-span // stride) if ceil_mode else span // stride) + 1
