"""Wrong variant of exercise 19: model.eval() puts the head's Dropout and BatchNorm1d into eval mode as well."""

PART = "freeze_backbone"
TITLE = "model.eval() для всей модели: Dropout и BatchNorm головы тоже выключены"
HINTS = (
    "В каком режиме после вашей функции находятся модули model.head?",
    "eval() рекурсивно переключает все подмодули: Dropout головы перестаёт зануливать нейроны, "
    "а её BatchNorm1d перестаёт учиться — регуляризация головы пропадает.",
    "Переключайте в eval только слои BatchNorm внутри model.backbone, голову оставьте в режиме train.",
)


def freeze_backbone(model):
    for parameter in model.backbone.parameters():
        parameter.requires_grad_(False)
    model.eval()
