"""Wrong variant of exercise 37: the standard deviation with correction=0 (divided by T, not T - 1)."""

PART = "mc_predict"
TITLE = "std со смещённой оценкой (деление на T вместо T − 1)"
HINTS = (
    "При малом числе проходов, например T = 3, ваша std заметно меньше ожидаемой. Почему?",
    "torch.std по умолчанию делит сумму квадратов отклонений на T − 1 (correction=1) — это выборочная оценка.",
    "Уберите unbiased=False / correction=0 или делите на samples − 1.",
)


def mc_predict(model, x, samples):
    modes = {module: module.training for module in model.modules()}
    model.eval()
    for module in model.modules():
        if isinstance(module, torch.nn.Dropout):
            module.train()
    with torch.no_grad():
        outputs = torch.stack([model(x) for _ in range(samples)])
    for module, mode in modes.items():
        module.training = mode
    return outputs.mean(dim=0), outputs.std(dim=0, correction=0)
