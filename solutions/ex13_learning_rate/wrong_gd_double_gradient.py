"""Wrong variant of exercise 13: gradient 2 A w (as for w^T A w) although f = 1/2 w^T A w."""

PART = "gd_quadratic"
TITLE = "градиент 2Aw вместо Aw (потерян множитель ½ в f)"
HINTS = (
    "Продифференцируйте f(w) = ½ wᵀAw для d = 1: чему равна производная ½ a w²?",
    "Множитель ½ сокращает двойку, которая появляется при дифференцировании квадратичной формы.",
    "Для симметричной A градиент ½ wᵀAw равен A w.",
)


def gd_quadratic(A, w0, lr, steps):
    trajectory = np.empty((steps + 1, len(w0)))
    trajectory[0] = w0
    for k in range(steps):
        trajectory[k + 1] = trajectory[k] - lr * 2.0 * (A @ trajectory[k])
    return trajectory
