"""Wrong variant of exercise 19: the loss is summed over the batch instead of averaged."""

PART = "fine_tune_step"
TITLE = "потеря суммируется по батчу (reduction='sum') вместо усреднения"
HINTS = (
    "Во сколько раз ваше обновление головы больше ожидаемого? Не равно ли это число размеру батча?",
    "F.cross_entropy по умолчанию усредняет потерю по примерам (reduction='mean'); "
    "сумма даёт в B раз больший градиент и в B раз больший шаг.",
    "Используйте среднюю потерю: F.cross_entropy(model(x), y) без reduction='sum'.",
)


def fine_tune_step(model, x, y, lr):
    optimizer = torch.optim.SGD([p for p in model.parameters() if p.requires_grad], lr=lr)
    optimizer.zero_grad()
    loss = F.cross_entropy(model(x), y, reduction="sum")
    loss.backward()
    optimizer.step()
    return loss.item()
