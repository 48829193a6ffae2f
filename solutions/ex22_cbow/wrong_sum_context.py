"""Wrong variant of exercise 22: the context vectors are summed instead of averaged."""

PART = "cbow_log_probs"
TITLE = "векторы контекста суммируются, а не усредняются"
HINTS = (
    "Сравните ответ для контекста [a, b] и для контекста [a, b, a, b]: должны ли они отличаться?",
    "В CBOW скрытый вектор h — среднее входных векторов слов окна, то есть сумма, делённая на 2m.",
    "После выбора строк W_in[context_ids] берите .mean(axis=1), а не .sum(axis=1).",
)


def cbow_log_probs(context_ids, W_in, W_out):
    h = W_in[context_ids].sum(axis=1)
    return _log_softmax(h @ W_out.T)
