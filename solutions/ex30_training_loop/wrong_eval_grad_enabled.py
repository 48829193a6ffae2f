"""Wrong variant of exercise 30: evaluate runs without torch.no_grad(), so autograd records every batch."""

PART = "evaluate"
TITLE = "оценка без torch.no_grad(): autograd строит ненужный граф"
HINTS = (
    "Включён ли autograd, пока модель считает логиты в вашей evaluate?",
    "Числа получаются верными, но на каждый батч строится граф вычислений с сохранёнными активациями: "
    "лишние память и время, а на большой валидации — нехватка памяти.",
    "Оберните цикл оценки в with torch.no_grad(): (или torch.inference_mode()).",
)


def evaluate(model, loader, loss_fn):
    model.eval()
    total, correct, count = 0.0, 0, 0
    for x, y in loader:
        logits = model(x)
        total += loss_fn(logits, y).item() * len(y)
        correct += int((logits.argmax(dim=1) == y).sum())
        count += len(y)
    return total / count, correct / count
