"""Ticket drawing: every returned set keeps every balance rule, checked here from first principles."""

from collections import Counter
from itertools import combinations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grader import balance, tickets
from grader.exam_pool import load_pool
from grader.tickets import DrawError, Item, Request, draw

PROPERTY = settings(max_examples=150, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def banks(draw_value, with_tasks=True):
    """Random pools: 2-7 topics, 1-6 questions each (difficulty 1-3), 0-3 tasks each."""
    topic_count = draw_value(st.integers(2, 7))
    questions, tasks = [], []
    for topic in range(1, topic_count + 1):
        for i in range(draw_value(st.integers(1, 6))):
            questions.append(Item(f"t{topic}-q{i}", topic, draw_value(st.integers(1, 3))))
        for i in range(draw_value(st.integers(0, 3)) if with_tasks else 0):
            tasks.append(Item(f"{topic}.{i + 1}", topic))
    return questions, tasks


@st.composite
def requests(draw_value, questions):
    k = draw_value(st.integers(1, 4))
    band = None
    if draw_value(st.booleans()):
        low = draw_value(st.integers(k, 3 * k))
        band = (low, draw_value(st.integers(low, 3 * k)))
    return Request(draw_value(st.integers(1, 25)), k, band, draw_value(st.integers(0, 3)))


def best_topic_spread(pool, slots):
    """Exact minimum of max-min topic usage when item counts are floor or ceil of slots/len(pool)."""
    base = slots // len(pool)
    sizes = Counter(item.topic for item in pool)
    ranges = {t: (base * n, (base + 1) * n) for t, n in sizes.items()}
    values = sorted({v for low, high in ranges.values() for v in range(low, high + 1)})
    best = None
    for low in values:
        for high in values:
            if high < low:
                continue
            clipped = [(max(a, low), min(b, high)) for a, b in ranges.values()]
            if all(a <= b for a, b in clipped) and sum(a for a, _ in clipped) <= slots <= sum(b for _, b in clipped):
                best = high - low if best is None else min(best, high - low)
    return best


def assert_balanced(drawn, questions, tasks, request):
    assert [t.number for t in drawn] == list(range(1, request.count + 1))
    for t in drawn:
        topics = [q.topic for q in t.questions]
        assert len(topics) == request.questions and len(set(topics)) == len(topics)  # rule 1
    for a, b in combinations(drawn, 2):
        assert len(set(a.questions) & set(b.questions)) <= 1  # rule 2
    uses = Counter(q for t in drawn for q in t.questions)
    assert set(uses) <= set(questions)
    per_question = [uses[q] for q in questions]
    assert max(per_question) - min(per_question) <= 1  # rule 3
    per_topic = Counter({q.topic: 0 for q in questions})
    per_topic.update(q.topic for q in uses.elements())
    spread = max(per_topic.values()) - min(per_topic.values())
    assert spread == best_topic_spread(questions, request.count * request.questions)  # rule 4
    if request.band:
        assert all(request.band[0] <= t.difficulty <= request.band[1] for t in drawn)  # rule 5
    if tasks:
        task_uses = Counter(t.task for t in drawn)
        assert set(task_uses) <= set(tasks)
        assert max(task_uses[t] for t in tasks) - min(task_uses[t] for t in tasks) <= 1  # rule 6
        task_topics = Counter({t.topic: 0 for t in tasks})
        task_topics.update(t.task.topic for t in drawn)
        assert max(task_topics.values()) - min(task_topics.values()) == best_topic_spread(tasks, request.count)
        if len({q.topic for q in questions}) > request.questions:
            assert all(t.task.topic not in {q.topic for q in t.questions} for t in drawn)
    else:
        assert all(t.task is None for t in drawn)


@PROPERTY
@given(st.data())
def test_every_drawn_set_keeps_every_rule(data):
    questions, tasks = data.draw(banks())
    request = data.draw(requests(questions))
    try:
        drawn = draw(questions, tasks, request)
    except DrawError as e:
        assert 1 <= e.rule <= 6 and str(e).startswith(f"cannot keep rule {e.rule} (")
        return
    assert_balanced(drawn, questions, tasks, request)


@PROPERTY
@given(st.data())
def test_requests_without_repeats_succeed_exactly_when_no_topic_must_outnumber_the_tickets(data):
    """No question repeats (count * k <= questions): drawable iff the busiest topic fits in the tickets."""
    questions, _ = data.draw(banks(with_tasks=False))
    sizes = Counter(q.topic for q in questions)
    k = data.draw(st.integers(1, len(sizes)))
    count = data.draw(st.integers(1, max(1, len(questions) // k)))
    if count * k > len(questions):
        return
    request = Request(count, k, (k, 3 * k), data.draw(st.integers(0, 5)))
    busiest = min(level for level in range(count * k + 1) if sum(min(n, level) for n in sizes.values()) >= count * k)
    if busiest > count:
        with pytest.raises(DrawError) as error:
            draw(questions, [], request)
        assert error.value.rule == 3
    else:
        assert_balanced(draw(questions, [], request), questions, [], request)


def test_the_same_request_draws_the_same_tickets_and_another_seed_others():
    pool = load_pool()
    first, again = pool.draw(Request(30, seed=4)), pool.draw(Request(30, seed=4))
    assert first == again
    assert first != pool.draw(Request(30, seed=5))


def test_the_real_bank_gives_thirty_balanced_tickets_with_a_band():
    pool = load_pool()
    request = Request(30, 2, (3, 5), seed=0)
    drawn = pool.draw(request)
    assert_balanced(drawn, pool.question_items(), pool.task_items(), request)
    text = balance.report(drawn, pool.question_items(), pool.task_items(), request, pool.version)
    assert "413 eligible, each used 0-1 times" in text and "band 3-5" in text


POOL = [Item(f"t{t}-q{i}", t, 1 + i % 3) for t in (1, 2) for i in range(3)]


@pytest.mark.parametrize(("request_", "rule", "words"), [
    (Request(2, 3), 1, "need 3 topics, but the range has 2"),
    (Request(10, 2), 2, "10 tickets need 10 different question pairs, but the range gives only 9"),
    (Request(2, 2, (7, 7)), 5, "cannot total 7-7"),
    (Request(2, 2, (6, 6)), 5, "band needs 12-12"),
    (Request(4, 2, (2, 2)), 5, "total difficulty"),
])
def test_an_impossible_request_names_the_first_rule_it_breaks(request_, rule, words):
    with pytest.raises(DrawError) as error:
        draw(POOL, [], request_)
    assert error.value.rule == rule and words in str(error.value)
    assert "\n" not in str(error.value)


def test_uneven_topics_name_rule_three_when_a_topic_would_outnumber_the_tickets():
    pool = [Item(f"a{i}", 1, 1) for i in range(10)] + [Item("b0", 2, 1), Item("b1", 2, 1)]
    with pytest.raises(DrawError) as error:
        draw(pool, [], Request(10, 2))
    assert error.value.rule == 3


def test_violations_finds_a_broken_set():
    """The final guard: a set that breaks a rule is reported, so draw can never return it."""
    request = Request(2, 2)
    good = draw(POOL, [], request)
    shared = [good[0], tickets.Ticket(2, good[0].questions, None)]
    found = {rule for rule, _ in tickets.violations(shared, POOL, [], request)}
    assert 2 in found and 3 in found
    same_topic = [tickets.Ticket(1, (POOL[0], POOL[1]), None), good[1]]
    assert 1 in {rule for rule, _ in tickets.violations(same_topic, POOL, [], request)}
