"""Checks of exercise 16: topological order (Kahn's algorithm with the smallest ready node, checked
against an oracle and the forward-edge property), forward/backward through a graph spec (the same
graph built in torch, autograd in float64) and MLP parameter counts (torch modules' numel)."""

import graphlib
import heapq

import numpy as np
from hypothesis import example, given
from hypothesis import strategies as st

from grader.compare import Mismatch, expect, expect_array, expect_int, expect_raises, expect_tuple
from grader.exercise import Exercise
from grader.strategies import gaussian

# -- graphs for 16.1 ------------------------------------------------------------------------------


def _random_dag(rng, n, max_inputs=3):
    """graph[v] = inputs of v; nodes are numbered by a random permutation, so 0..n-1 is rarely an order."""
    label = rng.permutation(n)
    graph = [[] for _ in range(n)]
    for position in range(1, n):
        count = int(rng.integers(0, max_inputs + 1))
        graph[int(label[position])] = [int(label[j]) for j in rng.integers(0, position, size=count)]
    return graph


@st.composite
def dags(draw, max_nodes=14):
    n = draw(st.integers(1, max_nodes))
    label = draw(st.permutations(range(n)))
    graph = [[] for _ in range(n)]
    for position in range(1, n):
        earlier = draw(st.lists(st.integers(0, position - 1), max_size=3))
        graph[label[position]] = [label[j] for j in earlier]
    return graph


def _kahn_smallest_first(graph):
    """The oracle: the lexicographically smallest topological order (None if there is a cycle)."""
    n = len(graph)
    missing = [len(set(inputs)) for inputs in graph]
    users = [[] for _ in range(n)]
    for v, inputs in enumerate(graph):
        for u in set(inputs):
            users[u].append(v)
    ready = [v for v in range(n) if missing[v] == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        u = heapq.heappop(ready)
        order.append(u)
        for v in users[u]:
            missing[v] -= 1
            if not missing[v]:
                heapq.heappush(ready, v)
    return order if len(order) == n else None


def _has_cycle(graph):
    """An independent opinion (the standard library's graphlib)."""
    try:
        graphlib.TopologicalSorter({v: set(inputs) for v, inputs in enumerate(graph)}).prepare()
    except graphlib.CycleError:
        return True
    return False


def _edges(graph):
    text = ", ".join(f"{v}←{inputs}" for v, inputs in enumerate(graph) if inputs)
    return f"рёбра (узел←его входы): {text[:400] if text else 'нет'}"


def _expect_valid_order(order, graph):
    n = len(graph)
    if isinstance(order, np.ndarray) and order.ndim == 1:
        order = order.tolist()
    expect(isinstance(order, (list, tuple)), f"ожидался список узлов, получено {type(order).__name__}")
    expect(all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in order),
           "в списке должны быть целые номера узлов")
    expect(sorted(int(v) for v in order) == list(range(n)),
           f"порядок должен содержать каждый из {n} узлов ровно один раз, получено {list(order)[:40]}")
    position = {int(v): i for i, v in enumerate(order)}
    for v, inputs in enumerate(graph):
        for u in inputs:
            if position[u] > position[v]:
                raise Mismatch(f"ребро {u} → {v} идёт назад: узел {v} стоит раньше своего входа {u}",
                               f"получено: {list(order)[:40]}", _edges(graph))


def _expect_order(student, graph):
    got = student.topological_order(graph)
    _expect_valid_order(got, graph)
    got = [int(v) for v in got]
    expected = _kahn_smallest_first(graph)
    if [int(v) for v in got] != expected:
        first = next(i for i, (a, b) in enumerate(zip(got, expected, strict=True)) if a != b)
        raise Mismatch("порядок допустимый, но правило выбора нарушено: из готовых узлов берётся наименьший",
                       f"первое расхождение в позиции {first}: получено {int(got[first])}, ожидалось {expected[first]}",
                       f"получено:  {[int(v) for v in got][:30]}", f"ожидалось: {expected[:30]}", _edges(graph))


def _expect_value_error(student, graph, description):
    expect_raises(lambda: student.topological_order(graph), "ValueError", description, _edges(graph))


# -- graphs for 16.2 ------------------------------------------------------------------------------


def _torch_graph(spec, inputs, output):
    """The same graph run by torch in float64; gradients of values[output].sum() by autograd."""
    import torch

    leaves = {name: torch.tensor(np.array(a), requires_grad=True) for name, a in inputs.items()}
    values = dict(leaves)
    ops = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b, "matmul": lambda a, b: a @ b,
           "tanh": torch.tanh, "relu": torch.relu, "sum": torch.sum}
    for name, op, args in spec:
        values[name] = ops[op](*(values[a] for a in args))
    loss = values[output].sum()
    grads = torch.autograd.grad(loss, list(leaves.values()), allow_unused=True)
    return ({name: value.detach().numpy() for name, value in values.items()},
            {name: (np.zeros(inputs[name].shape) if g is None else g.numpy())
             for name, g in zip(leaves, grads, strict=True)})


def _expect_dict(got, expected, what):
    expect(isinstance(got, dict), f"{what}: ожидался словарь имя → массив, получено {type(got).__name__}")
    expect(set(got) == set(expected), f"{what}: ключи {sorted(got)}, а должны быть {sorted(expected)}")
    for name in expected:
        value = got[name]
        if isinstance(value, (float, np.floating)) and not isinstance(value, np.ndarray):
            value = np.asarray(value, dtype=np.float64)  # a 0-d result may come back as a NumPy scalar
        expect_array(value, expected[name], name=f"{what}[{name!r}]", rtol=1e-9, atol=1e-11)


def _expect_graph(student, spec, inputs, output):
    expected_values, expected_grads = _torch_graph(spec, inputs, output)
    got = expect_tuple(student.graph_forward_backward(spec, inputs, output), ("values", "grads"),
                       name="graph_forward_backward(...)")
    try:
        _expect_dict(got[0], expected_values, "values")
        _expect_dict(got[1], expected_grads, "grads")
    except Mismatch as e:
        raise Mismatch(*e.lines, *_describe_graph(spec, inputs, output)) from None


def _describe_graph(spec, inputs, output):
    """The graph as formulas, so that a student can redo it by hand."""
    symbols = {"add": "+", "mul": "*", "matmul": "@"}
    steps = [f"{name} = {f' {symbols[op]} '.join(args) if op in symbols else f'{op}({args[0]})'}"
             for name, op, args in spec]
    shapes = ", ".join(f"{name} {tuple(array.shape)}" for name, array in inputs.items())
    return [f"граф: {'; '.join(steps)}", f"входы и их формы: {shapes}; L = сумма элементов {output}"]


def _mlp_graph(rng, n, d, h, k):
    inputs = {"X": gaussian(rng, n, d), "W1": gaussian(rng, d, h), "b1": gaussian(rng, h),
              "W2": gaussian(rng, h, k), "b2": gaussian(rng, k)}
    spec = [("h", "matmul", ["X", "W1"]), ("z", "add", ["h", "b1"]), ("a", "tanh", ["z"]),
            ("o", "matmul", ["a", "W2"]), ("p", "add", ["o", "b2"]), ("r", "relu", ["p"]),
            ("L", "sum", ["r"])]
    return spec, inputs


def _fan_out_graph(rng, m, n, k):
    inputs = {"x": gaussian(rng, m, n), "y": gaussian(rng, m, n), "W": gaussian(rng, n, k),
              "unused": gaussian(rng, m, n)}
    spec = [("a", "tanh", ["x"]), ("b", "mul", ["a", "a"]), ("c", "add", ["b", "a"]),
            ("d", "mul", ["c", "x"]), ("e", "add", ["d", "y"]), ("f", "matmul", ["e", "W"]),
            ("g", "tanh", ["f"]), ("s", "sum", ["g"])]
    return spec, inputs


def _random_tape(rng, shape, size):
    """Elementwise operations with random arguments: fan-out everywhere, sometimes an unused input."""
    names = [f"in{i}" for i in range(int(rng.integers(2, 5)))]
    inputs = {name: gaussian(rng, *shape) for name in names}
    spec = []
    for i in range(size):
        op = str(rng.choice(["add", "mul", "tanh", "relu"]))
        count = 2 if op in ("add", "mul") else 1
        # later nodes prefer recent ones, so the tape is deep and mixes paths
        args = [names[max(0, len(names) - 1 - int(abs(rng.normal(0, 2))))] for _ in range(count)]
        spec.append((f"v{i}", op, args))
        names.append(f"v{i}")
    return spec, inputs, names[-1]


def _graph_probes(rng):
    spec, inputs = _mlp_graph(rng, 3, 4, 2, 3)
    fan_spec, fan_inputs = _fan_out_graph(rng, 2, 3, 2)
    return [(spec, inputs, "L"), (fan_spec, fan_inputs, "s"), (spec[:4], inputs, "o")]


def _order_probes(rng):
    return [([[1], [], []],), ([[3], [0, 2], [], []],), ([[1], [0]],), (_random_dag(rng, 12),)]


def _count_probes(rng):
    return [([3, 4, 5], [True, False]), ([6, 2, 7, 1], [False, True, True])]


EXERCISE = Exercise(
    id="ex16_graph",
    topic=16,
    framework="numpy",
    part_names=["topological_order", "graph_forward_backward", "count_parameters"],
    probes={"topological_order": _order_probes, "graph_forward_backward": _graph_probes,
            "count_parameters": _count_probes},
)


# -- 16.1 topological_order --------------------------------------------------------------------------


@EXERCISE.check("topological_order", points=3,
                title="совпадает с алгоритмом Кана (наименьший готовый узел первым) на случайных графах")
def order_matches_oracle(student, rng):
    _expect_order(student, [[1], [], []])
    for n in (int(rng.integers(6, 10)), int(rng.integers(15, 25)), int(rng.integers(30, 40))):
        _expect_order(student, _random_dag(rng, n))


@EXERCISE.check("topological_order", points=2,
                title="свойство: перестановка всех узлов, и каждое ребро идёт вперёд (случайные DAG)")
@given(graph=dags())
@example(graph=[[2], [0, 0], []])
def order_is_valid(student, graph):
    _expect_valid_order(student.topological_order(graph), graph)


@EXERCISE.check("topological_order", points=2,
                title="граф с циклом (петля, цикл из двух, цикл внутри большого графа) — ValueError")
def cycles_raise(student, rng):
    graph = _random_dag(rng, int(rng.integers(8, 14)))
    v = next(v for v, inputs in enumerate(graph) if inputs)
    u = graph[v][0]
    looped = [list(inputs) for inputs in graph]
    looped[u].append(v)  # v reads u and now u reads v
    assert _has_cycle(looped)
    _expect_value_error(student, looped, "цикл из двух узлов внутри большого графа")
    _expect_value_error(student, [[], [1], [0]], "петля (узел 1 — свой собственный вход)")
    _expect_value_error(student, [[2], [0], [1], []], "цикл 0 → 1 → 2 → 0")


@EXERCISE.check("topological_order", points=1,
                title="крайние случаи: один узел, граф без рёбер, повторный вход (x·x), цепочка из 5000 узлов")
def order_edge_cases(student, rng):
    _expect_order(student, [[]])
    _expect_order(student, [[] for _ in range(int(rng.integers(3, 7)))])
    _expect_order(student, [[1, 1], [], [0, 1, 0]])
    n = 5000
    label = rng.permutation(n)
    chain = [[] for _ in range(n)]
    for i in range(1, n):
        chain[int(label[i])] = [int(label[i - 1])]
    got = student.topological_order(chain)
    _expect_valid_order(got, chain)
    expect([int(v) for v in got] == [int(v) for v in label], "цепочка: узлы должны идти вдоль цепочки")


# -- 16.2 graph_forward_backward -------------------------------------------------------------------


@EXERCISE.check("graph_forward_backward", points=3,
                title="двухслойная сеть как граф (matmul, add с вектором, tanh, relu, sum): значения и "
                      "градиенты как у autograd")
def mlp_graph_matches_autograd(student, rng):
    for n, d, h, k in [(int(rng.integers(3, 6)), 4, 3, 2), (1, 3, 5, 4)]:
        spec, inputs = _mlp_graph(rng, n, d, h, k)
        _expect_graph(student, spec, inputs, "L")


@EXERCISE.check("graph_forward_backward", points=3,
                title="разветвления (узел используется несколько раз) и неиспользуемый вход: градиенты "
                      "складываются, у лишнего входа нули")
def fan_out_matches_autograd(student, rng):
    spec, inputs = _fan_out_graph(rng, int(rng.integers(2, 5)), 3, 2)
    _expect_graph(student, spec, inputs, "s")


@EXERCISE.check("graph_forward_backward", points=2,
                title="случайные графы поэлементных операций; выход не скаляр (L = сумма выхода)")
def random_tapes_match_autograd(student, rng):
    for shape, size in [((2, 3), 8), ((1, 4), 12), ((3, 2), 15)]:
        spec, inputs, output = _random_tape(rng, shape, size)
        _expect_graph(student, spec, inputs, output)
    spec, inputs = _mlp_graph(rng, 2, 3, 4, 2)
    _expect_graph(student, spec[:3], inputs, "a")  # output a (2, 4): the seed is a matrix of ones


# -- 16.3 count_parameters ---------------------------------------------------------------------


def _torch_count(sizes, flags):
    import torch

    layers = [torch.nn.Linear(a, b, bias=f, device="meta") for a, b, f in zip(sizes[:-1], sizes[1:], flags,
                                                                              strict=True)]
    return int(sum(p.numel() for p in torch.nn.Sequential(*layers).parameters()))


@st.composite
def mlp_specs(draw):
    sizes = draw(st.lists(st.integers(1, 600), min_size=2, max_size=7))
    flags = draw(st.lists(st.booleans(), min_size=len(sizes) - 1, max_size=len(sizes) - 1))
    return sizes, flags


@EXERCISE.check("count_parameters", points=2,
                title="совпадает с sum(p.numel()) модели из nn.Linear на случайных конфигурациях")
@given(spec=mlp_specs())
@example(spec=([784, 256, 10], [True, True]))
def count_matches_torch(student, spec):
    sizes, flags = spec
    expect_int(student.count_parameters(sizes, flags), _torch_count(sizes, flags),
               name=f"count_parameters({sizes}, {flags})")


@EXERCISE.check("count_parameters", points=1,
                title="крайние случаи: один слой, все смещения выключены, слои ширины 1")
def count_edge_cases(student, rng):
    width = int(rng.integers(2, 50))
    for sizes, flags in [([width, 1], [True]), ([width, 3, width], [False, False]), ([1, 1, 1, 1], [True, False, True]),
                         ([int(rng.integers(100, 999)), width], [False])]:
        expect_int(student.count_parameters(sizes, flags), _torch_count(sizes, flags),
                   name=f"count_parameters({sizes}, {flags})")
