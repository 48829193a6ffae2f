"""Wrong variant of exercise 41: output[lengths - 1] indexes time only and returns a (B, B, F) block."""

PART = "last_valid_output"
TITLE = "output[lengths − 1] выбирает целые шаги времени (блок B × B × F), а не по одному вектору на пример"
HINTS = (
    "Проверьте форму результата: она должна быть (B, F).",
    "Индекс lengths − 1 по первой оси берёт для каждого b весь шаг времени со всеми "
    "последовательностями батча; нужен один элемент на пару (время, пример).",
    "Индексируйте обе оси сразу: по времени — lengths − 1, по батчу — torch.arange(B).",
)


def last_valid_output(output, lengths):
    return output[lengths - 1]
