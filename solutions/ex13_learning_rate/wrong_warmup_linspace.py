"""Wrong variant of exercise 13: warm-up as linspace(start, base, w), reaching base_lr one epoch early."""

PART = "warmup_cosine"
TITLE = "разогрев через linspace: base_lr достигается на эпоху раньше"
HINTS = (
    "Сравните lr в эпохе warmup_epochs − 1 со значением LinearLR: достигает ли он уже base_lr?",
    "У LinearLR множитель в эпохе e равен start_factor + (1 − start_factor)·e/total_iters; "
    "до 1 он доходит ровно в эпоху total_iters.",
    "Шаг разогрева — (1 − start_factor)/warmup_epochs, а не (1 − start_factor)/(warmup_epochs − 1).",
)


_reference_warmup_cosine = warmup_cosine  # the reference, loaded before this file


def warmup_cosine(base_lr, epochs, warmup_epochs, start_factor, eta_min):
    rates = _reference_warmup_cosine(base_lr, epochs, warmup_epochs, start_factor, eta_min)
    w = warmup_epochs
    rates[:w] = np.linspace(start_factor * base_lr, base_lr, w)
    return rates

