"""Checks of exercise 30: one training epoch and an evaluation pass, graded by instrumenting the objects.

The trusted driver ``grader/drivers/ex30_training.py`` builds, in the worker, a small seeded
classifier (Linear -> BatchNorm1d -> ReLU -> Linear, float64), a loader (a list of batches,
the last one shorter), an ``nn.CrossEntropyLoss`` and an SGD optimizer that record how the
student's code uses them. The checks read these records (mode and grad mode at each forward
pass, clean gradients before each backward, one step per batch after its backward, nothing
changed by evaluation) and compare the outcome with their own loop, run here in float64:
the parameters and BatchNorm buffers after the epoch, the sample-weighted mean losses and
the accuracy.
"""

from grader.compare import Mismatch, expect, expect_array, expect_scalar, expect_tuple
from grader.exercise import Exercise
from grader.strategies import gaussian, seed_from
from grader.wire import AsTensor, Defined, TensorValue

EXERCISE = Exercise(
    id="ex30_training_loop",
    topic=30,
    framework="torch",
    part_names=["train_one_epoch", "evaluate"],
    forbidden_modules=(),
    drivers="ex30_training",
)

STATE_RTOL, STATE_ATOL = 1e-9, 1e-11


def _drivers():
    from grader.drivers import ex30_training

    return ex30_training


def _spec(rng, batchnorm):
    return {"inputs": int(rng.integers(3, 7)), "hidden": int(rng.integers(4, 9)), "batchnorm": batchnorm,
            "classes": int(rng.integers(2, 6))}


def _data(rng, spec, sizes):
    n = int(sum(sizes))
    return gaussian(rng, n, spec["inputs"]), rng.integers(0, spec["classes"], size=n)


def _uneven_sizes(rng, smallest=2):
    """3-4 equal batches and a shorter last one (at least ``smallest`` examples)."""
    size = int(rng.integers(4, 7))
    return (size,) * int(rng.integers(2, 4)) + (int(rng.integers(smallest, size)),)


def _describe(spec, sizes, extra=""):
    bn = "BatchNorm1d→" if spec["batchnorm"] else ""
    return (f"модель Linear({spec['inputs']}→{spec['hidden']})→{bn}ReLU→Linear(→{spec['classes']}), "
            f"батчи размеров {list(sizes)}{extra}")


def _number(value, name):
    if isinstance(value, TensorValue):
        grad = " с requires_grad=True (вы копите граф всех батчей)" if value.requires_grad else ""
        raise Mismatch(f"{name}: вернули torch.Tensor{grad}, а нужно число float",
                       "превращайте потерю батча в число через loss.item() перед накоплением")
    return value


# -- oracles --------------------------------------------------------------------------------


def _expected_epoch(spec, seed, x, y, sizes, lr, momentum):
    """Our own loop: SGD over the batches in training mode; (mean loss per example, state afterwards)."""
    import torch
    import torch.nn.functional as F

    model = _drivers().build_model(spec, seed).train()
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum)
    xt, yt = torch.from_numpy(x), torch.from_numpy(y)
    total, start = 0.0, 0
    for size in sizes:
        xb, yb = xt[start:start + size], yt[start:start + size]
        start += size
        optimizer.zero_grad()
        loss = F.cross_entropy(model(xb), yb)
        loss.backward()
        optimizer.step()
        total += float(loss) * size
    state = {name: t.detach().numpy().copy() for name, t in model.state_dict().items() if t.dtype.is_floating_point}
    return total / start, state


def _expected_evaluation(spec, seed, x, y):
    """The whole data set in one pass in eval mode: (mean cross-entropy, accuracy)."""
    import torch
    import torch.nn.functional as F

    model = _drivers().build_model(spec, seed).eval()
    with torch.no_grad():
        logits = model(torch.from_numpy(x))
        loss = F.cross_entropy(logits, torch.from_numpy(y), reduction="sum") / len(y)
        accuracy = (logits.argmax(dim=1).numpy() == y).mean()
    return float(loss), float(accuracy)


# -- driving the student's code -------------------------------------------------------------


def _train(student, spec, seed, x, y, sizes, lr, momentum):
    report = student.drive("run_train", Defined("train_one_epoch"), spec, seed, AsTensor(x), AsTensor(y),
                           tuple(sizes), lr, momentum)
    expect(isinstance(report, dict), "driver: неожиданный результат")
    return report


def _evaluate(student, spec, seed, x, y, sizes):
    report = student.drive("run_evaluate", Defined("evaluate"), spec, seed, AsTensor(x), AsTensor(y), tuple(sizes))
    expect(isinstance(report, dict), "driver: неожиданный результат")
    return report


# -- 30.1 train_one_epoch ------------------------------------------------------------------


@EXERCISE.check("train_one_epoch", points=3,
                title="параметры и буферы BatchNorm после эпохи совпадают с эталонным циклом "
                      "(SGD с моментом, последний батч короче, модель передана в режиме eval; допуск 1e-9)")
def epoch_matches_reference(student, rng):
    spec, seed, sizes = _spec(rng, True), seed_from(rng), _uneven_sizes(rng)
    x, y = _data(rng, spec, sizes)
    lr, momentum = float(rng.uniform(0.05, 0.3)), float(rng.choice([0.5, 0.9]))
    report = _train(student, spec, seed, x, y, sizes, lr, momentum)
    _, expected = _expected_epoch(spec, seed, x, y, sizes, lr, momentum)
    context = _describe(spec, sizes, f", SGD(lr={lr:.3g}, momentum={momentum:g})")
    for name, value in expected.items():
        got = report["state"].get(name)
        try:
            expect(isinstance(got, TensorValue), f"{name}: нет в state_dict модели после эпохи")
            expect_array(got.array, value, name=f"{name} после эпохи", rtol=STATE_RTOL, atol=STATE_ATOL)
        except Mismatch as e:
            raise Mismatch(*e.lines, "ожидалось после цикла zero_grad → forward → loss → backward → step "
                                     "по каждому батчу в режиме train", context) from None


def _protocol_problems(report, batches):
    """Russian lines naming what the recorded calls show to be wrong."""
    problems = []
    forwards = report["forwards"]
    if len(forwards) != batches:
        problems.append(f"прямых проходов модели {len(forwards)}, а батчей {batches}: нужен ровно один model(x) "
                        "на батч")
    for i, forward in enumerate(forwards):
        if forward["mode"] != "train":
            problems.append(f"проход №{i + 1}: модель в режиме {forward['mode']}, а при обучении нужен train "
                            "(модель передана в режиме eval: вызовите model.train())")
            break
    for i, forward in enumerate(forwards):
        if not forward["grad"]:
            problems.append(f"проход №{i + 1}: autograd выключен (no_grad), градиенты не посчитать")
            break
    chain = [e for e in report["events"] if e in ("backward", "step")]
    steps = chain.count("step")
    if steps != batches:
        problems.append(f"optimizer.step() вызван {steps} раз, а батчей {batches}: нужен ровно один шаг на батч")
    if chain != ["backward", "step"] * batches:
        order = " → ".join(chain[:8]) + (" → …" if len(chain) > 8 else "")
        problems.append(f"порядок вызовов: {order or 'ни одного backward и step'}; "
                        "нужно loss.backward() → optimizer.step() на каждом батче")
    dirty = [i + 1 for i, clean in enumerate(report["clean"]) if not clean]
    if dirty:
        problems.append(f"перед loss.backward() на батчах {dirty[:5]} в .grad лежали градиенты прошлых батчей: "
                        "их нужно обнулить (optimizer.zero_grad()) до backward")
    empty = [i + 1 for i, present in enumerate(report["step_grads"]) if not present]
    if empty:
        problems.append(f"на шагах {empty[:5]} у всех параметров .grad пуст или нулевой: step ничего не меняет "
                        "(шаг до backward или zero_grad между backward и step?)")
    return problems


@EXERCISE.check("train_one_epoch", points=2,
                title="протокол: на каждом батче один проход в режиме train, чистые .grad перед backward, "
                      "затем ровно один optimizer.step()")
def epoch_protocol(student, rng):
    spec, seed, sizes = _spec(rng, True), seed_from(rng), _uneven_sizes(rng)
    x, y = _data(rng, spec, sizes)
    report = _train(student, spec, seed, x, y, sizes, float(rng.uniform(0.05, 0.3)), 0.0)
    problems = _protocol_problems(report, len(sizes))
    expect(not problems, *problems[:4], _describe(spec, sizes))


@EXERCISE.check("train_one_epoch", points=2,
                title="возвращает float — среднюю потерю на пример, взвешенную размерами батчей "
                      "(в том числе батча из 1 примера), по потерям до шага")
def epoch_mean_loss(student, rng):
    for sizes in (_uneven_sizes(rng, smallest=1)[:-1] + (1,), (int(rng.integers(2, 6)),)):
        spec, seed = _spec(rng, False), seed_from(rng)
        x, y = _data(rng, spec, sizes)
        lr = float(rng.uniform(0.2, 0.6))
        report = _train(student, spec, seed, x, y, sizes, lr, 0.0)
        expected, _ = _expected_epoch(spec, seed, x, y, sizes, lr, 0.0)
        result = _number(report["result"], "train_one_epoch(...)")
        expect_scalar(result, expected, name=f"средняя потеря эпохи ({_describe(spec, sizes, f', lr={lr:.3g}')})",
                      rtol=1e-9, atol=1e-11)


# -- 30.2 evaluate --------------------------------------------------------------------------


def _expect_evaluation(report, expected, context):
    loss, accuracy = expect_tuple(report["result"], ("mean_loss", "accuracy"), name="evaluate(...)")
    loss, accuracy = _number(loss, "mean_loss"), _number(accuracy, "accuracy")
    expect_scalar(loss, expected[0], name=f"средняя потеря ({context})", rtol=1e-9, atol=1e-11)
    expect_scalar(accuracy, expected[1], name=f"accuracy ({context})", rtol=1e-12, atol=1e-12)


@EXERCISE.check("evaluate", points=2,
                title="средняя потеря на пример и accuracy совпадают с одним проходом в режиме eval "
                      "(модель передана в режиме train, с BatchNorm; допуск 1e-9)")
def evaluation_matches_reference(student, rng):
    spec, seed, sizes = _spec(rng, True), seed_from(rng), _uneven_sizes(rng) + (int(rng.integers(2, 4)),)
    x, y = _data(rng, spec, sizes)
    report = _evaluate(student, spec, seed, x, y, sizes)
    _expect_evaluation(report, _expected_evaluation(spec, seed, x, y), _describe(spec, sizes))


@EXERCISE.check("evaluate", points=2,
                title="протокол: каждый проход в режиме eval без записи графа; параметры, .grad и буферы "
                      "BatchNorm не меняются")
def evaluation_protocol(student, rng):
    spec, seed, sizes = _spec(rng, True), seed_from(rng), _uneven_sizes(rng)
    x, y = _data(rng, spec, sizes)
    report = _evaluate(student, spec, seed, x, y, sizes)
    problems = []
    forwards = report["forwards"]
    expect(forwards, "модель ни разу не вызвана")
    train = [i + 1 for i, f in enumerate(forwards) if f["mode"] != "eval"]
    if train:
        problems.append(f"проходы {train[:5]} — в режиме {forwards[train[0] - 1]['mode']}, а при оценке нужен eval "
                        "(модель передана в режиме train: вызовите model.eval())")
    recording = [i + 1 for i, f in enumerate(forwards) if f["grad"]]
    if recording:
        problems.append(f"проходы {recording[:5]} — с включённым autograd: строится граф, который не нужен "
                        "(оберните цикл в torch.no_grad() или torch.inference_mode())")
    if report["changed"]:
        problems.append(f"после evaluate изменились: {', '.join(report['changed'][:4])} — оценка не должна менять "
                        "модель (в режиме train BatchNorm обновляет running_mean и running_var)")
    if report["grads"]:
        problems.append(f"после evaluate у параметров {', '.join(report['grads'][:3])} появился .grad: "
                        "при оценке backward не нужен")
    expect(not problems, *problems, _describe(spec, sizes))


@EXERCISE.check("evaluate", points=1,
                title="результат не зависит от разбиения на батчи: весь набор одним батчем и батчи "
                      "с последним из 1 примера дают те же числа (float)")
def evaluation_ignores_batching(student, rng):
    spec, seed = _spec(rng, True), seed_from(rng)
    sizes = _uneven_sizes(rng, smallest=1)[:-1] + (1,)
    x, y = _data(rng, spec, sizes)
    expected = _expected_evaluation(spec, seed, x, y)
    for split in ((int(sum(sizes)),), sizes):
        report = _evaluate(student, spec, seed, x, y, split)
        _expect_evaluation(report, expected, _describe(spec, split))
