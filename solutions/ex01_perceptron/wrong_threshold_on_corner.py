"""Wrong variant of exercise 1: thresholds placed exactly on data points (no margin)."""

PART = "xor_network"
TITLE = "пороги проходят прямо через точки данных: сеть верна на углах, но ломается от малого сдвига"
HINTS = (
    "Подвиньте вход на 1% от (high − low) от угла квадрата: меняется ли ответ?",
    "Если w·x + b = 0 ровно в точке данных, ответ step(0) = 0 держится на равенстве, "
    "и любой шум переключает нейрон. Разделяющая прямая должна проходить между точками.",
    "Ставьте пороги посередине: для OR сумма x1 + x2 сравнивается с 2·low + (high − low)/2, "
    "для AND — с 2·low + 3(high − low)/2.",
)


def xor_network(low, high):
    W1 = np.array([[1.0, 1.0], [1.0, 1.0]])
    b1 = np.array([-2.0 * low, -(low + high)])
    W2 = np.array([[1.0, -1.0]])
    b2 = np.array([0.0])
    return W1, b1, W2, b2
