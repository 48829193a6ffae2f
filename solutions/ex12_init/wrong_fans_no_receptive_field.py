"""Wrong variant of exercise 12: conv fans are the channel counts only, the kernel size is ignored."""

PART = "fans"
TITLE = "fan_in и fan_out свёртки без размера ядра (рецептивного поля)"
HINTS = (
    "Сколько входных чисел складывается в один выход Conv2d(C_in, C_out, 3×3)? Только C_in?",
    "Каждый выход свёртки видит C_in каналов, в каждом — окно k_h×k_w: это C_in·k_h·k_w слагаемых.",
    "Умножьте shape[1] и shape[0] на произведение размеров после первых двух осей.",
)


def fans(shape):
    if len(shape) < 2:
        raise ValueError("fan_in and fan_out are not defined for a shape with fewer than 2 dimensions")
    return int(shape[1]), int(shape[0])
