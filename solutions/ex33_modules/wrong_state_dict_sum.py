"""Wrong variant of exercise 33: the parameters are counted over state_dict() values."""

PART = "count_parameters"
TITLE = "подсчёт по state_dict(): в сумму попадают буферы BatchNorm, а связанный вес считается дважды"
HINTS = (
    "Сравните ключи state_dict() модели с BatchNorm1d и имена в named_parameters(): что лишнее?",
    "state_dict хранит и буферы (running_mean, running_var, num_batches_tracked), и каждое имя "
    "связанного веса отдельно; parameters() отдаёт каждый тензор-параметр один раз.",
    "Считайте по module.parameters() и учитывайте requires_grad.",
)


def count_parameters(module, trainable_only=True):
    return sum(v.numel() for v in module.state_dict().values())
