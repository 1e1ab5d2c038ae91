"""Identifying details never reach storage; numbers that are about treatments stay."""

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
        ("write to jane dot doe at gmail dot com", "write to [email]"),
        ("jane.doe @ example . com", "[email]"),
        ("jane(at)example(dot)org", "[email]"),
        ("order from 1-800-FLOWERS today", "order from [phone] today"),
        ("I live at 42 Elm Street, Apt 4B near the park", "I live at [address] near the park"),
        ("send it to 221B Baker St. please", "send it to [address] please"),
        ("my address is 123 main street", "my address is [address]"),
        ("born March 14th 1985", "born [date]"),
        ("DOB 14/03/1985, seen on the 3rd of June", "DOB [date], seen on the [date]"),
        ("my visit is on 2026-12-07", "my visit is on [date]"),
        ("see facebook.com/jane.doe or https://example.org/me?id=3", "see [link] or [link]"),
    ],
)
def test_emails_phones_links_addresses_and_dates_are_replaced(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    ["redness lasts 3-5 days", "needles of 0.5 mm to 2.5 mm", "2 to 4 weeks apart", "I am 45", "costs $1,200",
     "version 2.13.0", "I had 2 sessions with Dr Lee", "3 visits at St Mary's", "look at the clinic website",
     "I may need 2 sessions", "since 2019", "every Monday", "walked 2 blocks down the road", "850 mg twice a day"],
)
def test_durations_doses_and_prices_are_kept(text):
    assert redact(text) == text
