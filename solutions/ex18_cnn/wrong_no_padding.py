"""Wrong variant of exercise 18: conv1 without padding=1, so the classifier sees 16*5*5 features."""

PART = "SmallCNN"
TITLE = "у первой свёртки нет padding=1: размеры карт и вход fc другие"
HINTS = (
    "Пройдите по формам вручную: какой размер у карты после conv1 и после каждого пулинга?",
    "С padding=1 свёртка 3×3 сохраняет 28×28; без него карта становится 26×26, и дальше всё сдвигается.",
    "28 → 28 → 14 → 12 → 6: на вход fc подаётся 16·6·6 = 576 признаков.",
)


class SmallCNN(nn.Module):
    def __init__(self, in_channels, num_classes):
        super().__init__()
        self.conv1 = nn.Conv2d(in_channels, 8, kernel_size=3)
        self.conv2 = nn.Conv2d(8, 16, kernel_size=3)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(16 * 5 * 5, num_classes)

    def forward(self, x):
        x = self.pool(torch.relu(self.conv1(x)))
        x = self.pool(torch.relu(self.conv2(x)))
        return self.fc(torch.flatten(x, start_dim=1))
