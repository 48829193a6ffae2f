"""Wrong variant of exercise 1: the textbook XOR weights for inputs {0, 1}, whatever low and high are."""

PART = "xor_network"
TITLE = "веса из учебника для входов 0 и 1, без учёта уровней low и high"
HINTS = (
    "Проверьте вашу сеть на углах квадрата при low = −2, high = 3.",
    "Пороги скрытых нейронов зависят от того, какие значения принимают входы: "
    "для OR порог лежит между 2·low и low + high.",
    "Перейдите к u = (x − low)/(high − low): для u ∈ {0, 1} пороги 0.5 и 1.5, затем перепишите их через x.",
)


def xor_network(low, high):
    W1 = np.array([[1.0, 1.0], [1.0, 1.0]])
    b1 = np.array([-0.5, -1.5])
    W2 = np.array([[1.0, -1.0]])
    b2 = np.array([-0.5])
    return W1, b1, W2, b2
