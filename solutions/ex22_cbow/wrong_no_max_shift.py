"""Wrong variant of exercise 22: log-softmax as log(exp(s) / sum exp(s)), which overflows."""

PART = "cbow_log_probs"
TITLE = "неустойчивый softmax: exp от оценок без вычитания максимума"
HINTS = (
    "Что вернёт ваша функция, если оценки порядка 1000? Чему равно np.exp(1000.0)?",
    "log-softmax не меняется, если из всех оценок строки вычесть одно и то же число.",
    "Вычтите из оценок максимум строки и считайте s − max − log Σ exp(s − max) (см. тему 7).",
)


def cbow_log_probs(context_ids, W_in, W_out):
    scores = W_in[context_ids].mean(axis=1) @ W_out.T
    exps = np.exp(scores)
    return np.log(exps / exps.sum(axis=-1, keepdims=True))
