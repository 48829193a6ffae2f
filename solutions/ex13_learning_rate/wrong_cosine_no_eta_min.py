"""Wrong variant of exercise 13: cosine annealing that ignores eta_min (always decays towards 0)."""

PART = "warmup_cosine"
TITLE = "косинус без eta_min: lr стремится к нулю"
HINTS = (
    "Проверьте своё расписание при eta_min > 0: к какому значению оно подходит в конце?",
    "Косинус должен колебаться между base_lr и eta_min, а не между base_lr и 0.",
    "Половина амплитуды — (base_lr − eta_min)/2, и к результату прибавляется eta_min.",
)


def warmup_cosine(base_lr, epochs, warmup_epochs, start_factor, eta_min):
    e = np.arange(epochs, dtype=np.float64)
    w = warmup_epochs
    warm = base_lr * (start_factor + (1.0 - start_factor) * e / max(w, 1))
    cosine = base_lr * (1.0 + np.cos(np.pi * (e - w) / (epochs - w))) / 2.0
    return np.where(e < w, warm, cosine)
