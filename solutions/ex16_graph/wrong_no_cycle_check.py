"""Wrong variant of exercise 16: Kahn's algorithm that silently returns a partial order when there is a cycle."""

PART = "topological_order"
TITLE = "нет проверки на цикл: при цикле возвращается неполный порядок вместо ValueError"
HINTS = (
    "Что вернёт ваша функция для graph = [[1], [0]] (два узла читают друг друга)?",
    "Если готовые узлы кончились раньше, чем все узлы размещены, оставшиеся ждут друг друга — это цикл.",
    "После цикла сравните длину ответа с числом узлов и при нехватке выбросьте ValueError.",
)


def topological_order(graph):
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
            if missing[v] == 0:
                heapq.heappush(ready, v)
    return order
