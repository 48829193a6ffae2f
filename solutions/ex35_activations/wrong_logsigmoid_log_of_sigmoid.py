"""Wrong variant of exercise 35: LogSigmoid as torch.log(torch.sigmoid(x)), -inf at x = -1000."""

PART = "logsigmoid_and_grad"
TITLE = "LogSigmoid как log(sigmoid(x)): при x = −1000 получается −inf"
HINTS = (
    "Чему равен torch.sigmoid(-1000.0) в float64 и что будет после логарифма?",
    "log σ(x) = −log(1 + e^{−x}); перепишите так, чтобы экспонента никогда не получала положительный "
    "аргумент.",
    "log σ(x) = min(x, 0) − log1p(e^{−|x|}); при x = −1000 это −1000.",
)


def logsigmoid_and_grad(x, grad_output):
    return torch.log(torch.sigmoid(x)), grad_output * torch.sigmoid(-x)
