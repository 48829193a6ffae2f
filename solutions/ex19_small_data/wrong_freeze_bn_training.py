"""Wrong variant of exercise 19: the parameters are frozen, but BatchNorm of the backbone stays in train mode."""

PART = "freeze_backbone"
TITLE = "BatchNorm backbone оставлен в режиме train: running_mean и running_var продолжают меняться"
HINTS = (
    "Сделайте проход вперёд после заморозки и сравните running_mean слоёв BatchNorm до и после.",
    "requires_grad=False останавливает градиенты, но не обновление статистик: в режиме train BatchNorm "
    "нормирует по статистикам батча и сдвигает running_mean и running_var.",
    "Переведите в режим eval каждый слой BatchNorm внутри model.backbone (метод .eval()).",
)


def freeze_backbone(model):
    for parameter in model.backbone.parameters():
        parameter.requires_grad_(False)
