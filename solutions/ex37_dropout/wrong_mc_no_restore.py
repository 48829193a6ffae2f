"""Wrong variant of exercise 37: dropout layers left in training mode after MC prediction."""

PART = "mc_predict"
TITLE = "после MC-предсказания слои dropout остаются в режиме train"
HINTS = (
    "В каком режиме окажется модель после вашего вызова? Что будет при следующем обычном предсказании?",
    "Функция меняет режимы модулей как побочный эффект; вызывающий код ждёт модель в том виде, в каком её отдал.",
    "Запомните module.training каждого модуля до проходов и восстановите после (лучше в finally).",
)


def mc_predict(model, x, samples):
    model.eval()
    for module in model.modules():
        if isinstance(module, torch.nn.Dropout):
            module.train()
    with torch.no_grad():
        outputs = torch.stack([model(x) for _ in range(samples)])
    return outputs.mean(dim=0), outputs.std(dim=0)
