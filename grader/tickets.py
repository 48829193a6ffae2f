"""Drawing exam tickets from a pool of theory questions and practical tasks, with guaranteed balance.

``draw`` returns tickets that satisfy every rule below, or raises ``DrawError`` naming the
first rule, in this rank order, that the request cannot meet:

1. the theory questions of a ticket come from distinct topics;
2. no two tickets share two questions;
3. every eligible question is used as evenly as the numbers allow (counts differ by <= 1);
4. topics are spread as evenly as rule 3 allows (the water-filling optimum);
5. each ticket's total difficulty (the sum of its questions' 1-3) lies in the requested band;
6. practical tasks are balanced the same way (usage, topic spread), and a ticket's task
   comes from a topic none of its questions is on, whenever the range has more than k topics.

How: rules 3-4 fix how often each question and task is used (water-filling over topics,
seeded ties); a deal by topic blocks meets rule 1; a seeded local search of swaps that keep
those counts repairs rules 2, 5 and 6. ``violations`` re-checks every rule on the result, so
a set that breaks one is never returned. The same pool, request and seed give the same tickets.
"""

from __future__ import annotations

import hashlib
import random
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import combinations
from math import comb

RULES = (
    "the questions of a ticket come from distinct topics",
    "no two tickets share two questions",
    "every question is used equally often (counts differ by at most 1)",
    "topics are spread evenly",
    "every ticket's total difficulty lies in the requested band",
    "practical tasks are spread evenly, each on a topic its ticket's questions are not on",
)


class DrawError(Exception):
    """The request cannot meet every rule; the message names the first that fails."""

    def __init__(self, rule: int, detail: str) -> None:
        super().__init__(f"cannot keep rule {rule} ({RULES[rule - 1]}): {detail}")
        self.rule = rule


@dataclass(frozen=True)
class Item:
    """A question or a practical task as drawing sees it."""

    id: str
    topic: int
    difficulty: int = 0


@dataclass(frozen=True)
class Request:
    count: int  # tickets
    questions: int = 2  # theory questions per ticket
    band: tuple[int, int] | None = None  # allowed total difficulty of a ticket's questions
    seed: int = 0


@dataclass(frozen=True)
class Ticket:
    number: int
    questions: tuple[Item, ...]
    task: Item | None

    @property
    def difficulty(self) -> int:
        return sum(q.difficulty for q in self.questions)


def draw(questions: Sequence[Item], tasks: Sequence[Item], request: Request) -> list[Ticket]:
    """``request.count`` balanced tickets from the eligible questions and tasks (tasks may be empty)."""
    _check_request(questions, request)
    rng = random.Random(f"tickets:{request.seed}")
    chosen = _chosen_questions(questions, request, rng)
    if request.band and not request.count * request.band[0] <= sum(q.difficulty for q in chosen) \
            <= request.count * request.band[1]:
        raise DrawError(5, f"the questions that even use (rule 3) picks total {sum(q.difficulty for q in chosen)} "
                           f"difficulty over {request.count} tickets; the band needs "
                           f"{request.count * request.band[0]}-{request.count * request.band[1]}")
    theory = _search(_deal(chosen, request.count), _QuestionCost(request.band), rng)
    drawn_tasks = _assign_tasks(theory, tasks, len({q.topic for q in questions}), request, rng)
    tickets = [Ticket(i + 1, tuple(sorted(qs, key=lambda q: (q.topic, q.id))), task)
               for i, (qs, task) in enumerate(zip(theory, drawn_tasks, strict=True))]
    broken = violations(tickets, questions, tasks, request)
    if broken:
        rule, detail = broken[0]
        raise DrawError(rule, detail)
    return tickets


def ticket_code(bank_version: str, seed: int, number: int) -> str:
    """A short identifier of (bank version, seed, ticket number), printed on the ticket."""
    return hashlib.sha256(f"{bank_version}:{seed}:{number}".encode()).hexdigest()[:6]


# ---- rules 3 and 4: how often each question is used -------------------------------------

def even_counts(items: Sequence[Item], slots: int, rng: random.Random) -> dict[Item, int]:
    """Usage per item: floor or ceil of slots/len(items), extras spread over topics by water-filling."""
    base, extra = divmod(slots, len(items))
    by_topic = _by_topic(items)
    extras = _water_fill({t: base * len(group) for t, group in by_topic.items()},
                         {t: len(group) for t, group in by_topic.items()}, extra, rng)
    counts = {}
    for topic, group in by_topic.items():
        lucky = set(rng.sample(range(len(group)), extras[topic]))
        counts.update({item: base + (i in lucky) for i, item in enumerate(group)})
    return counts


def _water_fill(start: dict[int, int], capacity: dict[int, int], amount: int, rng: random.Random) -> dict[int, int]:
    """Give ``amount`` units one by one to the least-used topic with capacity left (seeded ties)."""
    given = dict.fromkeys(start, 0)
    order = list(start)
    rng.shuffle(order)
    for _ in range(amount):
        topic = min((t for t in order if given[t] < capacity[t]), key=lambda t: start[t] + given[t])
        given[topic] += 1
    return given


def best_spread(items: Sequence[Item], slots: int) -> int:
    """The smallest possible max-min of topic usage when item counts differ by at most 1."""
    usage = _topic_usage(even_counts(items, slots, random.Random(0)))
    return max(usage.values()) - min(usage.values())


def _topic_usage(counts: dict[Item, int]) -> Counter:
    usage = Counter()
    for item, n in counts.items():
        usage[item.topic] += n
    return usage


def _chosen_questions(questions: Sequence[Item], request: Request, rng: random.Random) -> list[Item]:
    counts = even_counts(questions, request.count * request.questions, rng)
    if request.band:
        counts = _steer_difficulty(counts, request, rng)
    return [item for item, n in counts.items() for _ in range(n)]


def _steer_difficulty(counts: dict[Item, int], request: Request, rng: random.Random) -> dict[Item, int]:
    """Move extra uses between questions of one topic until the total difficulty fits the band on average."""
    low, high = (request.count * b for b in request.band)
    counts = dict(counts)
    total = sum(q.difficulty * n for q, n in counts.items())
    by_topic = _by_topic(list(counts))
    while not low <= total <= high:
        step = 1 if total < low else -1
        moves = [(more, less) for group in by_topic.values() for more in group for less in group
                 if counts[less] > counts[more] and step * (more.difficulty - less.difficulty) > 0]
        if not moves:
            break  # the band cannot be met on average; the rule check reports it
        more, less = rng.choice(moves)
        counts[more] += 1
        counts[less] -= 1
        total += more.difficulty - less.difficulty
    return counts


# ---- rule 1: a deal by topic blocks -------------------------------------------------------

def _deal(chosen: list[Item], count: int) -> list[list[Item]]:
    """Ticket i gets positions i, i+N, ... of the uses sorted by topic: no topic twice per ticket."""
    ordered = sorted(chosen, key=lambda q: (q.topic, q.id))
    return [ordered[i::count] for i in range(count)]


# ---- rules 2, 5, 6: local search over swaps that keep every count -------------------------

class _QuestionCost:
    """Violations of rules 1, 2 and 5 among tickets of questions."""

    def __init__(self, band: tuple[int, int] | None) -> None:
        self.band = band

    def ticket(self, ticket: list[Item]) -> int:
        topics = [q.topic for q in ticket]
        cost = 1000 * (len(topics) - len(set(topics)))
        if self.band:
            total = sum(q.difficulty for q in ticket)
            cost += max(0, self.band[0] - total) + max(0, total - self.band[1])
        return cost

    @staticmethod
    def pairs(ticket: list[Item]) -> list[frozenset[str]]:
        return [frozenset(p) for p in combinations((q.id for q in ticket), 2)]


def _search(tickets: list[list[Item]], cost: _QuestionCost, rng: random.Random) -> list[list[Item]]:
    """Swap questions between tickets (every count stays) until no ticket breaks rules 1, 2 or 5."""
    pair_uses = Counter(p for t in tickets for p in cost.pairs(t))

    def badness(i: int) -> int:
        shared = sum(pair_uses[p] - 1 for p in cost.pairs(tickets[i]))
        return cost.ticket(tickets[i]) + 10 * shared

    def swap(a: int, b: int) -> Callable[[], None]:
        x, y = rng.randrange(len(tickets[a])), rng.randrange(len(tickets[b]))
        exchange = partial(_exchange, tickets, a, x, b, y, pair_uses, cost)
        exchange()
        return exchange  # swapping again undoes it

    _improve(len(tickets), badness, swap, rng)
    return tickets


def _exchange(tickets: list[list[Item]], a: int, x: int, b: int, y: int, pair_uses: Counter,
              cost: _QuestionCost) -> None:
    for i in (a, b):
        pair_uses.subtract(cost.pairs(tickets[i]))
    tickets[a][x], tickets[b][y] = tickets[b][y], tickets[a][x]
    for i in (a, b):
        pair_uses.update(cost.pairs(tickets[i]))


def _improve(size: int, badness: Callable[[int], int], swap: Callable[[int, int], Callable[[], None]],
             rng: random.Random, patience: int = 100) -> None:
    """Seeded local search: swaps between a bad ticket and a random one, kept unless they make the two worse.

    Stops when no ticket is bad, or when ``patience`` rounds in a row found no better total.
    """
    best, stale = None, 0
    while stale < patience:
        bad = [i for i in range(size) if badness(i)]
        if not bad:
            return
        total = sum(badness(i) for i in bad)
        best, stale = (total, 0) if best is None or total < best else (best, stale + 1)
        for a in bad:
            for _ in range(20):
                b = rng.randrange(size)
                if b == a:
                    continue
                before = badness(a) + badness(b)
                undo = swap(a, b)
                if badness(a) + badness(b) > before:
                    undo()
                if not badness(a):
                    break


def _assign_tasks(theory: list[list[Item]], tasks: Sequence[Item], range_topics: int, request: Request,
                  rng: random.Random) -> list[Item | None]:
    """Tasks used evenly; when the range allows, each on a topic its ticket's questions are not on."""
    if not tasks:
        return [None] * len(theory)
    counts = even_counts(tasks, len(theory), rng)
    chosen = [t for t, n in counts.items() for _ in range(n)]
    rng.shuffle(chosen)
    if range_topics > request.questions:
        def clash(i: int) -> int:
            return int(chosen[i].topic in {q.topic for q in theory[i]})

        def swap(a: int, b: int) -> Callable[[], None]:
            def exchange() -> None:
                chosen[a], chosen[b] = chosen[b], chosen[a]
            exchange()
            return exchange

        _improve(len(theory), clash, swap, rng)
    return chosen


# ---- checking a set of tickets against every rule ----------------------------------------

def violations(tickets: Sequence[Ticket], questions: Sequence[Item], tasks: Sequence[Item],
               request: Request) -> list[tuple[int, str]]:
    """Every rule the tickets break, in rank order, as (rule number, what is wrong)."""
    found: list[tuple[int, str]] = []
    for t in tickets:
        topics = [q.topic for q in t.questions]
        if len(topics) != request.questions or len(set(topics)) != len(topics):
            found.append((1, f"ticket {t.number} has questions on topics {topics}"))
    pairs = Counter(frozenset(p) for t in tickets for p in combinations((q.id for q in t.questions), 2))
    for pair, n in pairs.items():
        if n > 1:
            found.append((2, f"questions {' and '.join(sorted(pair))} appear together in {n} tickets"))
    slots = len(tickets) * request.questions
    found += _usage_problems(3, [q for t in tickets for q in t.questions], questions, slots)
    if request.band:
        for t in tickets:
            if not request.band[0] <= t.difficulty <= request.band[1]:
                found.append((5, f"ticket {t.number} has total difficulty {t.difficulty}, outside "
                                 f"{request.band[0]}-{request.band[1]}"))
    if tasks:
        found += [(6, p) for _, p in _usage_problems(6, [t.task for t in tickets], tasks, len(tickets))]
        if len({q.topic for q in questions}) > request.questions:
            found += [(6, f"ticket {t.number}'s task {t.task.id} is on topic {t.task.topic}, as is a question")
                      for t in tickets if t.task.topic in {q.topic for q in t.questions}]
    return sorted(found, key=lambda f: f[0])


def _usage_problems(rule: int, used: list[Item], pool: Sequence[Item], slots: int) -> list[tuple[int, str]]:
    counts = Counter(used)
    outside = [u.id for u in counts if u not in set(pool)]
    if outside:
        return [(rule, f"{', '.join(sorted(outside))} are not in the requested range")]
    per_item = [counts[item] for item in pool]
    problems = []
    if max(per_item) - min(per_item) > 1:
        problems.append((rule, f"uses per item range from {min(per_item)} to {max(per_item)}"))
    usage = Counter({topic: 0 for topic in {item.topic for item in pool}})
    usage.update(u.topic for u in used)
    spread, best = max(usage.values()) - min(usage.values()), best_spread(pool, slots)
    if spread > best:
        problems.append((rule if rule == 6 else 4, f"topic usage spreads over {spread} (the best possible is {best})"))
    return problems


# ---- requests that cannot work, named before any drawing ---------------------------------

def _check_request(questions: Sequence[Item], request: Request) -> None:
    n, k = request.count, request.questions
    if n < 1 or k < 1:
        raise ValueError("ask for at least one ticket with at least one question")
    topics = _by_topic(questions)
    if k > len(topics):
        raise DrawError(1, f"{k} questions per ticket need {k} topics, but the range has {len(topics)}")
    cross_pairs = sum(len(a) * len(b) for a, b in combinations(topics.values(), 2))
    if n * comb(k, 2) > cross_pairs:
        raise DrawError(2, f"{n} tickets need {n * comb(k, 2)} different question pairs, but the range "
                           f"gives only {cross_pairs}; ask for fewer tickets or widen the topic range")
    counts = even_counts(questions, n * k, random.Random(0))
    most = max(counts.values())
    others = min(len(questions) - len(group) for group in topics.values())
    if k > 1 and most * (k - 1) > others:
        raise DrawError(2, f"a question used {most} times needs {most * (k - 1)} different partners, but "
                           f"some topic has only {others} questions outside it")
    usage = _topic_usage(counts)
    if max(usage.values()) > n:
        topic, uses = usage.most_common(1)[0]
        raise DrawError(3, f"even use puts topic {topic} in {uses} questions, more than the {n} tickets")
    if request.band:
        low, high = request.band
        if not (low <= high and k <= high and 3 * k >= low):
            raise DrawError(5, f"{k} questions of difficulty 1-3 cannot total {low}-{high}")


def _by_topic(items: Sequence[Item]) -> dict[int, list[Item]]:
    groups: dict[int, list[Item]] = defaultdict(list)
    for item in items:
        groups[item.topic].append(item)
    return dict(sorted(groups.items()))
