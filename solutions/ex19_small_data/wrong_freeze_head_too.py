"""Wrong variant of exercise 19: every parameter of the model is frozen, the head included."""

PART = "freeze_backbone"
TITLE = "заморожена вся модель, включая голову"
HINTS = (
    "Какие параметры должны остаться обучаемыми при извлечении признаков?",
    "Рецепт «заморозить всё» работает, когда голову затем заменяют новым слоем: новые параметры "
    "создаются с requires_grad=True. Здесь голова не заменяется.",
    "Снимайте флаг только с параметров model.backbone; параметры model.head должны сохранить requires_grad=True.",
)


def freeze_backbone(model):
    for parameter in model.parameters():
        parameter.requires_grad_(False)
    for module in model.backbone.modules():
        if isinstance(module, torch.nn.modules.batchnorm._BatchNorm):
            module.eval()
