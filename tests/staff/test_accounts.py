"""Staff accounts: slow salted hashes, no default account, failed logins limited."""

import pytest

from faqbot.errors import SettingsError
from faqbot.records.storage import Store
from faqbot.staff.accounts import MAX_FAILURES, Accounts, hash_password, verify_password


@pytest.fixture
def accounts(tmp_path):
    now = [1000.0]
    store = Store.open(tmp_path / "data")
    accounts = Accounts(store, clock=lambda: now[0])
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
