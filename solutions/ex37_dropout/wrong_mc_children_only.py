"""Wrong variant of exercise 37: dropout layers searched with model.children(), nested ones missed."""

PART = "mc_predict"
TITLE = "dropout ищется через model.children(): вложенные слои dropout остаются в eval"
HINTS = (
    "Все ли слои Dropout модели у вас переключились? Посмотрите на модули внутри вложенного nn.Sequential.",
    "model.children() перечисляет только непосредственных потомков, а model.modules() — все модули рекурсивно.",
    "Обходите model.modules() и включайте train() у каждого модуля-экземпляра nn.Dropout.",
)


def mc_predict(model, x, samples):
    modes = {module: module.training for module in model.modules()}
    model.eval()
    for module in model.children():
        if isinstance(module, torch.nn.Dropout):
            module.train()
    with torch.no_grad():
        outputs = torch.stack([model(x) for _ in range(samples)])
    for module, mode in modes.items():
        module.training = mode
    return outputs.mean(dim=0), outputs.std(dim=0)
