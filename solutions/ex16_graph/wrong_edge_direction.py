"""Wrong variant of exercise 16: graph[v] read as the nodes that USE v, so every edge is reversed."""

PART = "topological_order"
TITLE = "перепутано направление рёбер: graph[v] принят за потребителей v, а не за его входы"
HINTS = (
    "Возьмите graph = [[1], [], []]: узел 0 читает узел 1. Кто из них должен идти раньше?",
    "graph[v] — входы узла v, то есть рёбра идут из graph[v] в v; у вас каждый узел оказывается "
    "раньше своих входов.",
    "Готов тот узел, у которого все элементы graph[v] уже в ответе; при размещении u уменьшайте счётчик "
    "у узлов, которые читают u.",
)


def topological_order(graph):
    n = len(graph)
    waiting = [0] * n  # (wrongly) counts the nodes that list v as an input
    for inputs in graph:
        for u in set(inputs):
            waiting[u] += 1
    ready = [v for v in range(n) if waiting[v] == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        v = heapq.heappop(ready)
        order.append(v)
        for u in set(graph[v]):
            waiting[u] -= 1
            if waiting[u] == 0:
                heapq.heappush(ready, u)
    if len(order) < n:
        raise ValueError("the graph has a cycle")
    return order
