"""The balance report of a set of tickets: how often each question, task and topic is used, and difficulty."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from grader.tickets import RULES, Item, Request, Ticket


def report(tickets: Sequence[Ticket], questions: Sequence[Item], tasks: Sequence[Item], request: Request,
           bank_version: str) -> str:
    """Plain text for the terminal and for a file: rules kept, usage per question, task and topic."""
    question_uses = Counter(q for t in tickets for q in t.questions)
    task_uses = Counter(t.task for t in tickets if t.task)
    topics = sorted({q.topic for q in questions} | {t.topic for t in tasks})
    difficulties = Counter(t.difficulty for t in tickets)
    lines = [
        f"{len(tickets)} tickets: {request.questions} theory questions"
        f"{' and a practical task' if tasks else ''} each; seed {request.seed}; bank {bank_version}",
        "Rules kept (in rank order):",
        *[f"  {i}. {rule}" for i, rule in enumerate(RULES[:6 if tasks else 5], 1)
          if i != 5 or request.band],
        "",
        _usage_line("questions", question_uses, questions),
        _usage_line("tasks", task_uses, tasks) if tasks else "tasks: none (--no-task)",
        "difficulty per ticket: " + ", ".join(f"{d}: {n} tickets" for d, n in sorted(difficulties.items()))
        + (f" (band {request.band[0]}-{request.band[1]})" if request.band else ""),
        "",
        f"{'topic':>5}  {'questions':>9}  {'uses':>4}  {'tasks':>5}  {'uses':>4}",
    ]
    for topic in topics:
        pool_q = [q for q in questions if q.topic == topic]
        pool_t = [t for t in tasks if t.topic == topic]
        lines.append(f"{topic:>5}  {len(pool_q):>9}  {sum(question_uses[q] for q in pool_q):>4}  "
                     f"{len(pool_t):>5}  {sum(task_uses[t] for t in pool_t):>4}")
    lines += ["", "question uses: " + _histogram(question_uses, questions)]
    return "\n".join(lines) + "\n"


def _usage_line(name: str, uses: Counter, pool: Sequence[Item]) -> str:
    counts = [uses[item] for item in pool]
    per_topic = Counter()
    for item in pool:
        per_topic[item.topic] += uses[item]
    return (f"{name}: {len(pool)} eligible, each used {min(counts)}-{max(counts)} times; "
            f"per topic {min(per_topic.values())}-{max(per_topic.values())} times")


def _histogram(uses: Counter, pool: Sequence[Item]) -> str:
    times = Counter(uses[item] for item in pool)
    return ", ".join(f"{n} used {k} times" for k, n in sorted(times.items()))
