"""Wrong variant of exercise 6: a loss equal to the best one counts as an improvement (<= instead of <)."""

PART = "early_stopping"
TITLE = "равенство считается улучшением (<= вместо <)"
HINTS = (
    "Что произойдёт на плато, где потеря несколько эпох подряд равна лучшей?",
    "Если равенство сбрасывает счётчик терпения, на плато обучение не остановится никогда, "
    "а лучшей станет последняя эпоха плато, хотя она ничем не лучше первой.",
    "Улучшение — строго меньшая потеря: loss < best − min_delta.",
)


def early_stopping(val_losses, patience, min_delta=0.0):
    best, best_epoch, wait = math.inf, 0, 0
    for epoch, loss in enumerate(val_losses):
        if loss <= best - min_delta:
            best, best_epoch, wait = loss, epoch, 0
        else:
            wait += 1
            if wait >= patience:
                return best_epoch, epoch
    return best_epoch, len(val_losses) - 1
