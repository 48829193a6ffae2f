"""Wrong variant of exercise 6: the best epoch is the minimum of the whole curve, including epochs after the stop."""

PART = "early_stopping"
TITLE = "лучшая эпоха ищется по всей кривой, включая эпохи после остановки"
HINTS = (
    "Может ли лучшая эпоха оказаться позже эпохи остановки?",
    "После остановки обучение не продолжается: потерь следующих эпох просто не существует, "
    "и восстановить можно только веса, уже увиденные до остановки.",
    "Ищите лучшую эпоху в том же проходе, который решает, когда остановиться.",
)


def early_stopping(val_losses, patience, min_delta=0.0):
    best, wait, stop = math.inf, 0, len(val_losses) - 1
    for epoch, loss in enumerate(val_losses):
        if loss < best - min_delta:
            best, wait = loss, 0
        else:
            wait += 1
            if wait >= patience:
                stop = epoch
                break
    return int(np.argmin(val_losses)), stop
