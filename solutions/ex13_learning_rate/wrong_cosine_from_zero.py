"""Wrong variant of exercise 13: the cosine phase counts epochs from 0, not from the end of warm-up."""

PART = "warmup_cosine"
TITLE = "косинус отсчитывает эпохи от нуля, а не от конца разогрева"
HINTS = (
    "Чему у вас равен lr в первой эпохе после разогрева? SequentialLR начинает косинус заново с base_lr.",
    "После переключения на CosineAnnealingLR его собственный счётчик эпох стартует с нуля в эпоху warmup_epochs.",
    "В формулу косинуса подставляйте e − warmup_epochs, а период берите epochs − warmup_epochs.",
)


def warmup_cosine(base_lr, epochs, warmup_epochs, start_factor, eta_min):
    e = np.arange(epochs, dtype=np.float64)
    w = warmup_epochs
    warm = base_lr * (start_factor + (1.0 - start_factor) * e / max(w, 1))
    cosine = eta_min + (base_lr - eta_min) * (1.0 + np.cos(np.pi * e / (epochs - w))) / 2.0
    return np.where(e < w, warm, cosine)
