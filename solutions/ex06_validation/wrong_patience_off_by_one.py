"""Wrong variant of exercise 6: training stops only when wait > patience, one epoch too late."""

PART = "early_stopping"
TITLE = "остановка на эпоху позже (wait > patience)"
HINTS = (
    "При patience = 2 и потерях 1.0, 0.8, 0.9, 0.9, 0.9 на какой эпохе нужно остановиться?",
    "patience — число эпох без улучшения, которое мы готовы терпеть: остановка происходит, как только "
    "счётчик достиг patience, а не превысил его.",
    "Сравнивайте wait >= patience сразу после увеличения счётчика.",
)


def early_stopping(val_losses, patience, min_delta=0.0):
    best, best_epoch, wait = math.inf, 0, 0
    for epoch, loss in enumerate(val_losses):
        if loss < best - min_delta:
            best, best_epoch, wait = loss, epoch, 0
        else:
            wait += 1
            if wait > patience:
                return best_epoch, epoch
    return best_epoch, len(val_losses) - 1
