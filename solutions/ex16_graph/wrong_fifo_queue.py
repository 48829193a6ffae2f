"""Wrong variant of exercise 16: Kahn's algorithm with a plain FIFO queue instead of the smallest ready node."""

from collections import deque

PART = "topological_order"
TITLE = "очередь FIFO вместо «наименьший готовый узел первым»: порядок допустимый, но не тот"
HINTS = (
    "Ваш порядок корректен, но правило выбора другое. Что вернёт функция для graph = [[1], [], []]?",
    "Узел, который только что стал готовым, может иметь меньший номер, чем узлы, давно ждущие в очереди; "
    "по условию на каждом шаге берётся наименьший из всех готовых.",
    "Храните готовые узлы в куче (heapq.heappush / heappop) или выбирайте min из множества готовых.",
)


def topological_order(graph):
    n = len(graph)
    missing = [len(set(inputs)) for inputs in graph]
    users = [[] for _ in range(n)]
    for v, inputs in enumerate(graph):
        for u in set(inputs):
            users[u].append(v)
    queue = deque(v for v in range(n) if missing[v] == 0)
    order = []
    while queue:
        u = queue.popleft()
        order.append(u)
        for v in users[u]:
            missing[v] -= 1
            if missing[v] == 0:
                queue.append(v)
    if len(order) < n:
        raise ValueError("the graph has a cycle")
    return order
