"""Wrong variant of exercise 41: output[-1] (step T - 1) for every sequence of the padded batch."""

PART = "last_valid_output"
TITLE = "для всех последовательностей взят шаг T − 1 (output[-1]), хотя короткие там дополнены"
HINTS = (
    "Что лежит в output[T − 1] у последовательности длины 2 из батча с T = 6?",
    "После pad_packed_sequence позиции за концом последовательности заполнены нулями: "
    "последний настоящий выход последовательности b стоит на шаге lengths[b] − 1.",
    "Выберите для каждого b пару индексов (lengths[b] − 1, b) — одним расширенным индексированием "
    "или torch.gather по оси времени.",
)


def last_valid_output(output, lengths):
    return output[-1]
