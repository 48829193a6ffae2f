"""Wrong variant of exercise 22: one matrix for both roles (W_in also scores the output words)."""

PART = "cbow_log_probs"
TITLE = "одна матрица вместо двух: оценки считаются по W_in, а W_out не используется"
HINTS = (
    "Поменяйте W_out, не трогая W_in: меняется ли ваш результат?",
    "У каждого слова в word2vec два вектора: входной v_w (строка W_in) для контекста "
    "и выходной u_w (строка W_out) для предсказываемого слова.",
    "Оценки — это h @ W_out.T, где h построен по строкам W_in.",
)


def cbow_log_probs(context_ids, W_in, W_out):
    h = W_in[context_ids].mean(axis=1)
    return _log_softmax(h @ W_in.T)
