"""Wrong variant of exercise 19: requires_grad assigned on the module, which freezes nothing."""

PART = "freeze_backbone"
TITLE = "model.backbone.requires_grad = False — атрибут модуля, а не параметров"
HINTS = (
    "Посмотрите на p.requires_grad у параметров model.backbone после вызова вашей функции.",
    "У nn.Module нет флага requires_grad: присваивание просто создаёт новый атрибут модуля, "
    "а флаги его параметров не меняются.",
    "Снимите флаг с каждого параметра (цикл по model.backbone.parameters()) или вызовите метод "
    "model.backbone.requires_grad_(False) — с подчёркиванием.",
)


def freeze_backbone(model):
    model.backbone.requires_grad = False
    for module in model.backbone.modules():
        if isinstance(module, torch.nn.modules.batchnorm._BatchNorm):
            module.eval()
