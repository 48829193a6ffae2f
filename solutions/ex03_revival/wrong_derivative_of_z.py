"""Wrong variant of exercise 3: sigma' = s(1 - s) and tanh' = 1 - t^2 applied to the pre-activation z."""

PART = "gradient_norms"
TITLE = "производная активации вычислена по z, а не по значению активации: z(1 − z) вместо σ(z)(1 − σ(z))"
HINTS = (
    "Проверьте вашу производную сигмоиды в точке z = 3: она должна быть около 0.045 и всегда лежать в (0, 1/4].",
    "Формулы σ' = σ(1 − σ) и tanh' = 1 − tanh² выражены через значение функции, а не через аргумент.",
    "Подставляйте в них σ(z) и tanh(z) (или сохранённые активации h_l), а не z.",
)

_ACTIVATIONS = {
    "sigmoid": (_sigmoid, lambda z: z * (1.0 - z)),
    "tanh": (np.tanh, lambda z: 1.0 - z ** 2),
    "relu": (lambda z: np.maximum(z, 0.0), lambda z: (z > 0).astype(np.float64)),
}
