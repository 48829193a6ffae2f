"""Wrong variant of exercise 16: every layer counted with a bias, whatever the flags say."""

PART = "count_parameters"
TITLE = "флаги bias не учитываются: смещение считается у каждого слоя"
HINTS = (
    "Проверьте конфигурацию, где у какого-то слоя bias[i] = False. Меняется ли ваш ответ?",
    "nn.Linear(n_i, n_{i+1}, bias=False) не создаёт параметр bias: у такого слоя ровно n_i·n_{i+1} параметров.",
    "Прибавляйте n_{i+1} только для тех слоёв, у которых bias[i] истинно.",
)


def count_parameters(layer_sizes, bias):
    return sum(n_in * n_out + n_out for n_in, n_out in zip(layer_sizes[:-1], layer_sizes[1:], strict=True))
