"""Wrong variant of exercise 37: MC dropout with model.train(), so BatchNorm uses and updates batch statistics."""

PART = "mc_predict"
TITLE = "MC dropout через model.train(): BatchNorm тоже в режиме обучения"
HINTS = (
    "Какие ещё слои, кроме dropout, ведут себя по-разному в train и eval? Что они делают со своими буферами?",
    "model.train() переключает все модули: BatchNorm начинает нормировать по статистикам батча и "
    "обновляет running_mean и running_var.",
    "Переведите модель в eval(), а затем в train() только модули, для которых isinstance(m, nn.Dropout).",
)


def mc_predict(model, x, samples):
    modes = {module: module.training for module in model.modules()}
    model.train()
    with torch.no_grad():
        outputs = torch.stack([model(x) for _ in range(samples)])
    for module, mode in modes.items():
        module.training = mode
    return outputs.mean(dim=0), outputs.std(dim=0)
