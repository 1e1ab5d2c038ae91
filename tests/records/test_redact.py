"""Contact details never reach storage; numbers that are about treatments stay."""

import pytest

from faqbot.records.redact import redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mail me at jane.doe+skin@gmail.com please", "mail me at [email] please"),
        ("jane [at] example.org", "[email]"),
        ("call 555-123-4567 or +1 (555) 010 0000", "call [phone] or [phone]"),
        ("my mobile is 07700 900123.", "my mobile is [phone]."),
        ("+44 20 7946 0958", "[phone]"),
        ("tel.07700900123", "tel.[phone]"),
        ("phone_07700900123 or x07700900123", "phone_[phone] or x[phone]"),
        ("0770-090-0123ext", "[phone]ext"),
    ],
)
def test_emails_and_phone_numbers_are_replaced(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    ["redness lasts 3-5 days", "needles of 0.5 mm to 2.5 mm", "2 to 4 weeks apart", "I am 45", "costs $1,200",
     "version 2.13.0"],
)
def test_durations_doses_and_prices_are_kept(text):
    assert redact(text) == text
