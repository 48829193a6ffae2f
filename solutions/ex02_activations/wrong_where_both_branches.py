"""Wrong variant of exercise 2: np.where over two formulas; both branches are evaluated, so exp still overflows."""

PART = "sigmoid"
TITLE = "np.where с двумя формулами: NumPy вычисляет обе ветви целиком, и exp всё равно переполняется"
HINTS = (
    "np.where(условие, A, B) получает уже вычисленные массивы A и B. Для каких x вычисляется exp(−x)?",
    "Выбор ветви не спасает от переполнения: exp(−x) считается и для x = −800, exp(x) — и для x = 800, "
    "а inf/inf во второй ветви даёт ещё и invalid value.",
    "Сделайте так, чтобы ни одна ветвь не видела положительного показателя: z = exp(−|x|), "
    "затем 1/(1 + z) для x ≥ 0 и z/(1 + z) для x < 0 (или вычисляйте ветви по маскам).",
)


def sigmoid(x):
    return np.where(x >= 0, 1.0 / (1.0 + np.exp(-x)), np.exp(x) / (1.0 + np.exp(x)))
