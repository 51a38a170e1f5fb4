"""Leads, customers, channels: the changes the Leads & customers tab makes."""

from datetime import date

from PySide6.QtCore import QCoreApplication

from app import deletions, leads, persona
from ui.operations import (
    ACTIVITIES,
    CHANNELS,
    CUSTOMERS,
    LEADS,
    ORDERS,
    TASKS,
    TOUCHPOINTS,
    operation,
)


def edit_lead(lead_id: int, values: dict):
    return operation(
        QCoreApplication.translate("Operations", "Edit lead"),
        lambda: leads.edit_lead(lead_id, **values),
        lambda before: leads.edit_lead(lead_id, **before),
        {LEADS, TASKS},
    )


def log_follow_up(lead_id: int, day: date):
    return operation(
        QCoreApplication.translate("Operations", "Log follow-up"),
        lambda: leads.log_follow_up(lead_id, day),
        lambda done: leads.undo_follow_up(lead_id, done),
        {LEADS, ACTIVITIES, TASKS},
    )


def add_objection(lead_id: int, day: date, values: dict):
    return operation(
        QCoreApplication.translate("Operations", "Add objection"),
        lambda: leads.add_objection(lead_id, day, **values),
        leads.delete_objection,
        {LEADS},
    )


def win(lead_id: int, day: date, amount_fen: int, product: str):
    return operation(
        QCoreApplication.translate("Operations", "Lead won"),
        lambda: leads.win(lead_id, day, amount_fen, product),
        leads.undo_win,
        {LEADS, CUSTOMERS, ORDERS, CHANNELS, TASKS, TOUCHPOINTS},
    )


def lose(lead_id: int, reason: str, day: date):
    return operation(
        QCoreApplication.translate("Operations", "Lead lost"),
        lambda: leads.lose(lead_id, reason, day),
        lambda before: leads.edit_lead(lead_id, **before),
        {LEADS, TASKS},
    )


def new_lead(values: dict, day: date):
    return operation(
        QCoreApplication.translate("Operations", "New lead"),
        lambda: leads.add_lead(today=day, **values),
        leads.delete_lead,
        {LEADS, CHANNELS, TASKS},
    )


def delete_lead(lead_id: int):
    return operation(
        QCoreApplication.translate("Operations", "Delete lead"),
        lambda: leads.delete_lead(lead_id),
        deletions.restore,
        {LEADS, TASKS},
    )


def new_customer(values: dict, day: date):
    return operation(
        QCoreApplication.translate("Operations", "New customer"),
        lambda: leads.add_customer(today=day, **values),
        leads.delete_customer,
        {CUSTOMERS, CHANNELS, TOUCHPOINTS},
    )


def edit_customer(customer_id: int, values: dict, day: date):
    return operation(
        QCoreApplication.translate("Operations", "Edit customer"),
        lambda: leads.edit_customer(customer_id, day, **values),
        lambda before: leads.edit_customer(customer_id, day, **before),
        {CUSTOMERS, TOUCHPOINTS, TASKS},
    )


def delete_customer(customer_id: int):
    return operation(
        QCoreApplication.translate("Operations", "Delete customer"),
        lambda: leads.delete_customer(customer_id),
        deletions.restore,
        {CUSTOMERS, ORDERS, TOUCHPOINTS, TASKS},
    )


def mark_reward_paid(reward_id: int, day: date):
    return operation(
        QCoreApplication.translate("Operations", "Referral reward paid"),
        lambda: leads.mark_reward_paid(reward_id, day),
        lambda before: leads.mark_reward_paid(reward_id, before),
        {CHANNELS},
    )


def set_contacts(kind: str, record_id: int, people: list[dict]):
    """A customer's or lead's people beyond its main contact (the decision chain)."""
    from app import contacts

    return operation(
        QCoreApplication.translate("Operations", "Edit contacts"),
        lambda: contacts.set_contacts(kind, record_id, people),
        lambda before: contacts.set_contacts(kind, record_id, before),
        {LEADS, CUSTOMERS},
    )


def merge_duplicates(pair, text: str):
    """Two records the normalised name calls the same, merged into the one kept."""
    from app import duplicates

    return operation(
        text,
        lambda: duplicates.merge(pair),
        duplicates.unmerge,
        {LEADS, CUSTOMERS, ORDERS, ACTIVITIES, TASKS, TOUCHPOINTS, CHANNELS},
    )


def save_persona(name: str, conditions: str):
    """Save a persona (by name, replacing one of the same name); its open leads get the
    mark in the leads table."""
    return operation(
        QCoreApplication.translate("Operations", "Save persona"),
        lambda: persona.save(name, conditions),
        persona.set_saved,
        {LEADS},
    )


def remove_persona(name: str):
    return operation(
        QCoreApplication.translate("Operations", "Remove persona"),
        lambda: persona.remove(name),
        persona.set_saved,
        {LEADS},
    )
