"""Wrong variant of exercise 6: each epoch is compared with the previous epoch instead of the best one."""

PART = "early_stopping"
TITLE = "сравнение с предыдущей эпохой, а не с лучшей"
HINTS = (
    "Потери 1.0, 0.5, 0.9, 0.8, 0.7, 0.6: улучшилась ли модель на эпохах 3–5 по сравнению с лучшей?",
    "Потеря может колебаться: небольшое снижение после скачка вверх — не улучшение, если она всё ещё "
    "выше лучшего значения. Такое сравнение сбрасывает терпение слишком часто.",
    "Храните лучшее значение потери и сравнивайте каждую новую эпоху с ним.",
)


def early_stopping(val_losses, patience, min_delta=0.0):
    best_epoch, wait = 0, 0
    for epoch in range(1, len(val_losses)):
        if val_losses[epoch] < val_losses[epoch - 1] - min_delta:
            if val_losses[epoch] < val_losses[best_epoch]:
                best_epoch = epoch
            wait = 0
        else:
            wait += 1
            if wait >= patience:
                return best_epoch, epoch
    return best_epoch, len(val_losses) - 1
