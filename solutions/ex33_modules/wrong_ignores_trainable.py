"""Wrong variant of exercise 33: trainable_only is ignored, frozen parameters are counted."""

PART = "count_parameters"
TITLE = "trainable_only не учитывается: замороженные параметры тоже посчитаны"
HINTS = (
    "Заморозьте эмбеддинг (requires_grad_(False)): изменился ли ваш ответ при trainable_only=True?",
    "Обучаемые — параметры с p.requires_grad == True; остальные оптимизатор не меняет.",
)


def count_parameters(module, trainable_only=True):
    return sum(p.numel() for p in module.parameters())
