"""The four-quadrant task board."""

from datetime import date

import peewee as pw

from app.models import QUADRANTS, Customer, Lead, Task


def quadrant_tasks(show_done: bool = False) -> dict[int, list[Task]]:
    """Tasks by quadrant, in the rep's order, with their customer or lead."""
    query = (
        Task.select(Task, Customer, Lead)
        .join_from(Task, Customer, on=(Task.customer == Customer.id), join_type=pw.JOIN.LEFT_OUTER)
        .join_from(Task, Lead, on=(Task.lead == Lead.id), join_type=pw.JOIN.LEFT_OUTER)
        .order_by(Task.quadrant, Task.done, Task.position, Task.id)
    )
    if not show_done:
        query = query.where(~Task.done)
    board = {quadrant: [] for quadrant in QUADRANTS}
    for task in query:
        board[task.quadrant].append(task)
    return board


def is_overdue(task: Task, as_of: date) -> bool:
    return not task.done and task.due is not None and task.due < as_of
