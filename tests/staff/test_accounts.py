"""Staff accounts: slow salted hashes, no default account, failed logins limited."""

import pytest

from faqbot.errors import SettingsError
from faqbot.records.audit import AuditTrail
from faqbot.records.storage import Store
from faqbot.staff import accounts as accounts_module
from faqbot.staff.accounts import MAX_FAILURES, Accounts, hash_password, verify_password


@pytest.fixture
def accounts(tmp_path):
    now = [1000.0]
    store = Store.open(tmp_path / "data")
    accounts = Accounts(store, clock=lambda: now[0], audit=AuditTrail.open(tmp_path / "data"))
    accounts.now = now
    yield accounts
    store.close()


def test_a_password_hash_is_salted_scrypt_and_verifies_only_the_password():
    first, second = hash_password("correct horse battery"), hash_password("correct horse battery")
    assert first.startswith("scrypt$") and first != second  # a salt per hash
    assert verify_password("correct horse battery", first)
    assert not verify_password("correct horse batterY", first)
    assert not verify_password("anything", "not-a-hash")


def test_there_is_no_default_account(accounts):
    assert accounts.store.staff_names() == []
    assert not accounts.login("admin", "admin") and not accounts.login("", "")


def test_a_staff_member_signs_in_with_their_password_only(accounts):
    accounts.add("nurse.amy", "a long enough secret")
    assert accounts.login("nurse.amy", "a long enough secret")
    assert not accounts.login("nurse.amy", "a wrong secret!")
    assert not accounts.login("nurse.bob", "a long enough secret")


def test_repeated_failures_lock_the_account_for_a_while(accounts):
    accounts.add("nurse.amy", "a long enough secret")
    for _ in range(MAX_FAILURES):
        assert not accounts.login("nurse.amy", "guess")
    assert not accounts.login("nurse.amy", "a long enough secret")  # locked, even with the right password
    accounts.now[0] += 16 * 60
    assert accounts.login("nurse.amy", "a long enough secret")


@pytest.mark.parametrize(("name", "password", "message"), [
    ("a", "a long enough secret", "must be 2-64"),
    ("bad name!", "a long enough secret", "must be 2-64"),
    ("nurse.amy", "short", "at least 10"),
])
def test_unusable_names_and_passwords_are_refused_with_the_reason(accounts, name, password, message):
    with pytest.raises(SettingsError, match=message):
        accounts.add(name, password)


def test_sign_ins_failures_and_a_lockout_are_in_the_audit_trail_and_the_lockout_in_the_log(accounts, caplog):
    accounts.add("nurse.amy", "a long enough secret")
    assert accounts.login("nurse.amy", "a long enough secret")
    assert not accounts.login("nobody", "a long enough secret")
    for _ in range(MAX_FAILURES):
        accounts.login("nurse.amy", "guess")
    assert accounts.locked_until("nurse.amy") is not None and accounts.locked_until("nobody") is None
    assert not accounts.login("nurse.amy", "a long enough secret")
    trail = [(e.actor, e.action, e.detail) for e in reversed(accounts.audit.entries())]
    assert trail[:3] == [("nurse.amy", "signed in", ""), ("nobody", "sign-in failed", "no such account"),
                         ("nurse.amy", "sign-in failed", "wrong password")]
    assert trail[-2][1] == "locked out" and trail[-2][2].startswith(f"after {MAX_FAILURES} failed sign-ins in 15 m")
    assert trail[-1][1] == "sign-in failed" and trail[-1][2].startswith("refused: locked until")
    assert "staff sign-in for 'nurse.amy' locked after 5 failures" in caplog.text


def test_flooding_the_failure_table_with_other_names_never_unlocks_an_account(accounts, monkeypatch):
    monkeypatch.setattr(accounts_module, "MAX_TRACKED_NAMES", 4)
    accounts.add("nurse.amy", "a long enough secret")
    for _ in range(MAX_FAILURES):
        accounts.login("nurse.amy", "guess")
    for n in range(12):  # each new name past the limit makes room by forgetting one
        accounts.login(f"junk{n}", "guess")
    assert not accounts.login("nurse.amy", "a long enough secret")
    assert len(accounts._failures) == 4  # amy, still locked, and the 3 newest junk names


def test_the_sign_in_route_says_when_a_lock_ends_for_a_name_that_exists_or_not(accounts):
    import asyncio

    from fastapi import HTTPException

    accounts.add("nurse.amy", "a long enough secret")
    for name in ("nurse.amy", "nobody"):
        refusals = []
        for _ in range(MAX_FAILURES):
            try:
                refusals.append(asyncio.run(accounts.login_async(name, "guess")))
            except HTTPException as exc:
                refusals.append((exc.status_code, exc.detail.split(" until ")[0]))
        assert refusals == [False] * (MAX_FAILURES - 1) + [
            (429, "Too many failed sign-ins with this name: signing in with it is paused")]  # the same for both
