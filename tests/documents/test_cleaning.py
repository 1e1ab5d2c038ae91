from faqbot.documents.cleaning import clean_line, clean_query, is_leftover, is_styled, split_lines


def test_mathematical_bold_and_italic_letters_become_plain_text():
    bold = "\U0001d407\U0001d428\U0001d430 long"  # "How" in mathematical bold
    italic_sans = "\U0001d63e\U0001d66e\U0001d667\U0001d658"  # "Scar"-like sans-serif bold italic letters
    assert clean_line(bold) == "How long"
    assert clean_line(italic_sans).isascii()
    assert is_styled(bold + " \U0001d41a\U0001d41b")
    assert not is_styled("How long does it last?")


def test_curly_quotes_and_dashes_are_unified():
    assert clean_line("It\u2019s \u201cmicro-injuries\u201d \u2013 safe") == "It's \"micro-injuries\" - safe"
    assert clean_line("skin\u2014and more") == "skin - and more"


def test_zero_width_bidi_and_control_characters_are_removed():
    assert clean_line("mi\u200bcro\u200dneedling\u202e\u2066 is\x07 safe\u00ad") == "microneedling is safe"


def test_whitespace_is_normalised():
    assert clean_line("  a\u00a0\u00a0b\t\tc  ") == "a b c"


def test_every_kind_of_line_break_splits_lines():
    assert split_lines("a\r\nb\rc\u2028d\ne") == ["a", "b", "c", "d", "e"]


def test_web_leftovers_are_recognised():
    assert is_leftover("0 Comments")
    assert is_leftover("12 replies")
    assert is_leftover("Learn more or book on our site: https://example.com/page/")
    assert is_leftover("Share this")
    assert is_leftover("Book now")


def test_real_sentences_are_not_leftovers():
    assert not is_leftover("If you are in doubt, book a consultation appointment with your dermatologist.")
    assert not is_leftover("Book a consultation?")
    assert not is_leftover("Comments from patients show that most need three sessions over three months.")


def test_query_cleaning_joins_lines():
    assert clean_query("how long\nis the\u200b downtime\u2019s") == "how long is the downtime's"
