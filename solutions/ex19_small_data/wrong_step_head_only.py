"""Wrong variant of exercise 19: the optimizer gets model.head.parameters() instead of all trainable ones."""

PART = "fine_tune_step"
TITLE = "в оптимизатор переданы только параметры головы, а не все параметры с requires_grad=True"
HINTS = (
    "Что будет, если обучаемыми оставить не только голову, например при дообучении верхних слоёв backbone?",
    "Шаг должен обновлять ровно те параметры, у которых requires_grad=True, — какими бы они ни были; "
    "жёсткая привязка к model.head ломает fine-tuning.",
    "Отберите параметры по флагу: [p for p in model.parameters() if p.requires_grad].",
)


def fine_tune_step(model, x, y, lr):
    optimizer = torch.optim.SGD(model.head.parameters(), lr=lr)
    optimizer.zero_grad()
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    optimizer.step()
    return loss.item()
