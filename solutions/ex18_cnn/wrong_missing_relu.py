"""Wrong variant of exercise 18: no ReLU after the second convolution."""

PART = "SmallCNN"
TITLE = "после второй свёртки нет ReLU"
HINTS = (
    "Сравните свою сеть с архитектурой по слоям: после каждой свёртки идёт нелинейность.",
    "Без ReLU вторая свёртка и следующий за ней пулинг видят отрицательные значения, и логиты выходят другими.",
    "Второй блок — conv2 → ReLU → MaxPool2d(2), как и первый.",
)


class SmallCNN(SmallCNN):
    def forward(self, x):
        x = self.pool(torch.relu(self.conv1(x)))
        x = self.pool(self.conv2(x))
        return self.fc(torch.flatten(x, start_dim=1))
