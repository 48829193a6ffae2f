"""Wrong variant of exercise 17: the dense layer counted without its biases."""

PART = "dense_params"
TITLE = "у полносвязного слоя забыты смещения"
HINTS = (
    "Сколько параметров у nn.Linear(2, 1)? Посчитайте вручную и сравните с sum(p.numel() for p in layer.parameters()).",
    "Кроме матрицы весов (units × входы) у каждого нейрона есть своё смещение.",
    "Прибавьте units к числу весов.",
)


def dense_params(h, w, c_in, units):
    return h * w * c_in * units
