"""Wrong variant of exercise 19: the step calls model.train(), undoing the eval mode of frozen BatchNorm."""

PART = "fine_tune_step"
TITLE = "model.train() внутри шага возвращает замороженные BatchNorm в режим обучения"
HINTS = (
    "Сравните running_mean слоёв BatchNorm backbone до и после вашего шага.",
    "model.train() рекурсивно переводит в режим train все модули, в том числе BatchNorm, "
    "которые freeze_backbone перевела в eval: они снова нормируют по батчу и обновляют статистики.",
    "Не меняйте режимы модулей в шаге обучения: их уже настроил вызывающий код.",
)


def fine_tune_step(model, x, y, lr):
    model.train()
    optimizer = torch.optim.SGD([p for p in model.parameters() if p.requires_grad], lr=lr)
    optimizer.zero_grad()
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    optimizer.step()
    return loss.item()
