"""The example clinic's warning signs (clinics/example-skin/warning_signs.toml) read on their own: warning signs fire,
normal healing and general questions don't."""

import pytest

from faqbot.safety.signs import SignBook, UrgentCheck, read
from faqbot.safety.triage import Triage
from tests.conftest import EXAMPLE_SKIN

SKIN = Triage(SignBook.load(EXAMPLE_SKIN))


def check(question: str) -> UrgentCheck:
    """The clinic check alone, as the triage makes it after finding no crisis or emergency."""
    return read(SKIN.clinic, SKIN.text(question))


@pytest.mark.parametrize(
    "question, signal",
    [
        ("two days after my treatment there is pus coming out of a spot on my chin", "pus or discharge"),
        ("I've got a fever since this morning, had needling on Monday", "fever or chills"),
        ("i have red streaks running down my neck from the treated area", "spreading or worsening redness"),
        ("the pain is getting worse every day since my session", "severe or worsening pain"),
        ("my forehead keeps bleeding and it won't stop", "bleeding that won't stop"),
        ("my cheeks are covered in blisters today", "blistering"),
        ("my lips are swelling after the serum they used", "allergic swelling"),
        ("I broke out in hives all over my face", "hives"),
        ("I'm having trouble breathing after my facial", "trouble breathing"),
        ("my vision is blurry since they did around my eyes", "changes in vision"),
        ("since yesterday my cheek has little water bubbles on it", "blistering"),
        ("the red patch on my jaw keeps getting bigger", "spreading or worsening redness"),
        ("my eyes are closing from the swelling", "changes in vision"),
    ],
)
def test_each_warning_sign_fires_and_is_named(question, signal):
    result = check(question)
    assert result.urgent and signal in result.signals, result


@pytest.mark.parametrize(
    "question",
    [
        "is it normal to be red the next day?",
        "my skin feels tight and flaky",
        "a little swollen on day one, is that ok",
        "no fever, no pus, just pink and dry",
        "I don't have a fever but my face is a bit warm",
        "what are the risks of microneedling?",
        "can microneedling cause an infection?",
        "is there a chance of blistering or scarring?",
    ],
)
def test_normal_healing_negations_and_general_questions_do_not_fire(question):
    assert not check(question).urgent, check(question)


def test_two_mild_signs_together_are_urgent_but_one_is_not():
    assert not check("my face feels hot").urgent
    assert check("my face feels hot and it's swollen").urgent
    assert check("the swelling is so bad and getting worse not better").urgent


def test_the_explanation_says_why():
    assert "fever" in check("I have a fever").explanation
    assert check("what are the signs of infection, like fever?").explanation.startswith("asked in general")


@pytest.mark.parametrize(
    "question, signal",
    [
        ("theres yellow gunk coming from the needle marks", "pus or discharge"),
        ("honey coloured crusts on my chin today", "pus or discharge"),
        ("temp is 101 since last night", "fever or chills"),
        ("shaking and freezing cold, had it done on friday", "fever or chills"),
        ("it hurts way more on day 4 than on day 1", "severe or worsening pain"),
        ("blood is running down my cheek from one spot", "bleeding that won't stop"),
        ("clear fluid filled bubbles on my forehead", "blistering"),
        ("my top lip has blown up like a balloon", "severe swelling"),
        ("my voice has gone hoarse since the serum", "throat or tongue swelling"),
        ("i came out in itchy red lumps all over my neck", "hives"),
        ("i cant catch my breath", "trouble breathing"),
        ("seeing double since this afternoon", "changes in vision"),
        ("my eye hurts and light bothers it, they worked near it", "eye pain"),
        ("the treated skin smells rotten", "bad smell"),
    ],
)
def test_warning_signs_in_everyday_words(question, signal):
    result = check(question)
    assert result.urgent and signal in result.signals, result


@pytest.mark.parametrize(
    "question, signal",
    [
        ("my vison is blury", "changes in vision"),
        ("it keeps bleding and wont stop", "bleeding that won't stop"),
        ("excrutiating pain on my forehead", "severe or worsening pain"),
        ("my tounge feels swolen", "throat or tongue swelling"),
        ("red streeks going to my ear", "spreading or worsening redness"),
    ],
)
def test_misspelled_warning_signs_are_read_as_meant(question, signal):
    result = check(question)
    assert result.urgent and signal in result.signals, result


def test_a_mild_word_softens_heat_or_swelling_but_not_a_vision_change_or_pus():
    assert check("my sight is kinda blurry").urgent
    assert check("there is a little bit of pus on one spot").urgent
    assert not check("my eyelids were a tiny bit puffy this morning").urgent
    assert not check("my face is a bit hot").urgent


@pytest.mark.parametrize(
    "question",
    [
        "what should i do if i ever get a fever after it?",
        "i'm having it done next week near my eyes, can it affect my vision?",
        "do blisters happen often or is that rare?",
        "does the water temperature matter when i rinse my face after?",
    ],
)
def test_what_ifs_and_other_temperatures_do_not_fire(question):
    assert not check(question).urgent, check(question)


def test_a_what_if_word_does_not_hide_a_sign_that_is_happening():
    assert check("is that rare? i have had blisters since yesterday").urgent


@pytest.mark.parametrize(
    "question",
    [
        "my throat feels a bit tight",  # airway signs are never softened
        "I can barely swallow",
        "i'm having a mild allergic reaction",
        "what if it's infected? there's pus and it smells",  # a what-if sentence doesn't hide the next one
        "can this harm the eye? the vision is blurry",
        "just asking because my lips are swelling and i have a fever",
        "i had it last week and my follow-up is next week, but my lips are swelling",
        "temperature is high since last night",
        "no blood at first, but now it's bleeding and won't stop",  # a negated mention doesn't swallow a later one
        "doesn't hurt but my vision is blurry",  # negation stops at "but"
        "im not sure but there's pus",
        "i can hardly breathe",
        "theres puss coming out",
        "I fainted twice since yesterday",
        "thermometer says 39.1",
        "first day it was a bit sore but on day 5 it hurts way more than it did",
    ],
)
def test_a_sign_is_not_hidden_by_mild_words_what_ifs_or_an_earlier_negation(question):
    assert check(question).urgent, check(question)


@pytest.mark.parametrize(
    "question",
    [
        "does it hurt more than botox?",
        "will my skin be sensitive to light after?",
        "my temp is 37",
        "can i get a temp tattoo after",
        "my cream is milky white, is this fluid normal?",
        "the peelling is getting worse every day",  # not read as "swelling"
        "super busy, barely have time to breathe. can i fit it in?",
        "I once came out in hives from a serum. Anything I should worry about with microneedling?",
        "can you have an allergic reaction to it",
    ],
)
def test_comparisons_other_temperatures_past_history_and_busy_lives_do_not_fire(question):
    assert not check(question).urgent, check(question)


def test_a_fourth_blind_sets_misses_and_false_alarms_stay_fixed():
    """From the fourth blind set (37/40 urgent, 3 false alarms before these cases were handled)."""
    assert check("Eye pain! Serum got in it during the session and light hurts it.").urgent
    assert check("one patch on my cheek has gone really hot and hard and is super painful").urgent
    assert check("itchy raised blotches on my neck and arms now").urgent
    assert not check("If I got blisters after it, what would that mean? Just asking.").urgent
    assert not check("I had hives from penicillin when I was a kid - anything in your aftercare to avoid?").urgent
    assert not check("it was warm and a bit throbbing for an hour, then settled completely").urgent


@pytest.mark.parametrize(
    "question",
    [
        "face is much swell and hot",  # fifth blind set: short messages, second-language English
        "feeling dizzy and like to faint",
        "my eye is red and paining plz",
        "she's got the shakes under two duvets and her face is burning up",  # sixth: signs described, not named
        "theres a red ribbon running from my chin towards my collarbone",
        "I drew round the red patch last night and it's well past the line",
        "my tongue feels too big for my mouth and I'm slurring",
        "I can hear a whistling when I breathe out",
        "the room went grey when I stood up and my face is itchy all over",
        "there's a dark smudge in the middle of whatever I look at",
        "it's been 25 minutes and it's still soaking through the cloth",
        "the soreness was 3 out of 10 on day one and today it's an 8",
        "deep stabbing pain spreading into my ear",
    ],
)
def test_signs_described_in_other_words_fire(question):
    assert check(question).urgent, check(question)


@pytest.mark.parametrize(
    "question",
    [
        "is fever common after? i dont have one",
        "wat does pus look like if infected",
        "my sister broke out in an itchy rash after her serum, could that happen to me?",
        "throbbing and warm right after, now 4 hours later it's calming down",
        "I had pus after my last treatment back in March. Now 2 days after a new one, all looks normal",
        "took my temperature to be safe and it's normal, 36.8",
    ],
)
def test_questions_about_others_the_past_or_settling_signs_do_not_fire(question):
    assert not check(question).urgent, check(question)


@pytest.mark.parametrize(
    "question, urgent_",
    [
        ("a sour, off smell from my face and it keeps weeping", True),  # seventh blind set: described, not named
        ("aches all over and night sweats, four days after", True),
        ("he feels like he's coming down with flu and his cheek is puffy and angry", True),
        ("feels like a bad burn that's getting worse by the hour", True),
        ("red is still seeping through the cloth after 25 minutes", True),
        ("tiny watery sacs around my lips that sting", True),
        ("a deep ache inside my eye and light makes it much worse", True),
        ("part of the sight in one eye went dark", True),
        ("my face felt warm all evening, this morning it's back to normal temperature", False),
        ("if my lips started swelling up after, would that be an emergency? asking before i go", False),
        ("my eyes watered a bit during it but my vision is totally normal", False),
        ("just wondering: if someone's throat ever felt tight, what should they do?", False),
        ("how bad is the peeling, like coming off in sheets?", False),
    ],
)
def test_the_seventh_blind_sets_descriptions(question, urgent_):
    assert check(question).urgent is urgent_, check(question)


@pytest.mark.parametrize(
    "question, urgent_",
    [
        ("since i got home its like im breathing through a straw", True),  # eighth blind set (34/40 blind)
        ("I sound like a frog and there's a lump in my throat I can't get food past", True),
        ("everything looks smeary through my right eye, like looking through vaseline", True),
        ("she went grey and dropped to the floor for a few seconds", True),
        ("my eye won't stop watering and light is unbearable", True),
        ("spreading itchy rash on my arms after microneedling yesterday", True),
        ("I had a fever last month before my treatment but I'm fine now, skin just a bit red after yesterday's session",
         False),
    ],
)
def test_the_eighth_blind_sets_misses(question, urgent_):
    assert check(question).urgent is urgent_, check(question)


@pytest.mark.parametrize(
    "question, urgent_",
    [
        ("the red part is going out past where you did treatment, down onto my neck", True),  # ninth (33/40 blind)
        ("cant even touch my face w/o crying its so sore, like burning knives. had it done yesterday", True),
        ("After the treatment today, blood still come from my cheek. I press long time but it not stopping", True),
        ("my pillowcase is covered in fresh bright red and my chin is still trickling when I stand up", True),
        ("little clear bubbles on my forehead, like when you touch the oven rack by accident, filled with water", True),
        ("There's a dark patch in the middle of what I see with my left eye", True),
        ("room keeps spinning evry time i stand up, almost fell over in the kitchen", True),
        ("I had hives as a kid and today my lips are swelling up", True),  # long ago, but also now
        ("Last year after a chemical peel I got blisters, nothing since. Is microneedling safer for me?", False),
        ("I've got a low pain tolerance and I fainted once getting blood drawn as a teenager", False),
        ("Would lip swelling be a reason to call you? Not happening, just reading the aftercare sheet", False),
    ],
)
def test_the_ninth_blind_sets_misses_and_false_alarms(question, urgent_):
    assert check(question).urgent is urgent_, check(question)


@pytest.mark.parametrize(
    "question, urgent_",
    [
        ("one of the marks near my temple has not ceased to run red, the handkerchief is quite ruined", True),  # 11th
        ("the room tipped sideways, next thing I knew I was on the floor with my flatmate standing over me", True),
        ("one bit next to my nose looks like the skin of a plum, kinda mottled, and feels cold compared to the rest",
         True),
        ("a patch under my eye that looks like ash from the fireplace, kind of lifeless", True),
        ("a patch the colour of candle wax that doesn't pink back up when I press it", True),
        ("last night I started shaking so hard my teeth were clacking and the red area has got bigger instead of "
         "smaller", True),
        ("my boyfriend asked if something had gone off in the fridge. It's coming from my cheek", True),
        ("her cheek has raised clear domes on it like bubble wrap", True),
        ("raised bumps with white middles like mosquito bites are popping up on my neck and arms", True),
        ("my chest feel heavy like somebody sitting on it and I make a whistle sound when I take air in", True),
        ("It's like looking through a steamed-up bathroom mirror out of my left eye", True),
        ("Before I book: I get itchy welts from some sticking plasters. Will the numbing cream be a problem?", False),
        ("Will my vision be affected near my eyes? Nervous about the under-eye area before my first session", False),
        ("I'm itchy the way a healing graze gets itchy, no bumps or welts, just annoying. Day 6.", False),
        ("it itched like mosquito bites the first night but its way better now. is the itch part of healing?", False),
    ],
)
def test_the_eleventh_blind_sets_descriptions(question, urgent_):
    assert check(question).urgent is urgent_, check(question)


@pytest.mark.parametrize(
    "question",
    [
        "I got a pounding headache after my appointment this afternoon, from clenching my jaw",  # hard negatives
        "The numbing cream wore off on the drive home and now my face is throbbing like a bad sunburn",
        "an hour after my session my face is blotchy, red and white patches everywhere. Is that the numbing cream?",
        "Is this an allergic reaction or normal? I'm red like a sunburn only where they treated, no hives",
        "I almost fell asleep during the treatment, is that normal?",  # a second read's look-alikes
        "Can I put makeup on outside the treated area?",
        "is it normal that blood comes out during the treatment?",
        "I can't even touch my face for 24 hours?",
        "can microneedling help the dark area under my eyes?",
        "little bubbles of serum on my skin after, should I wipe them off with water?",
        "I have a purple spot where the needle went, is it a bruise?",  # a final reread's look-alikes
        "the grey area under my eyes, will microneedling help?",
        "can microneedling help mottled pigmentation?",
        "will it fix my lifeless skin?",
        "the tissue comes away red when I blot, normal?",
        "has my numbing cream gone off?",
        "next thing I knew the session was over, so quick!",
    ],
)
def test_plainly_put_normal_healing_and_everyday_look_alikes_do_not_fire(question):
    assert not check(question).urgent, check(question)


@pytest.mark.parametrize(
    "question",
    [
        "there's pus coming out and the redness has spread a lot in the past few hours",  # "in the past" is now
        "I had hives as a kid and my lips are swelling up and I can't breathe",  # the childhood is one clause
        "My tongue feels thick and my voice is hoarse. This hasn't happened before.",
        "took an antihistamine but nothing is happening, face covered in hives",
    ],
)
def test_an_earlier_time_or_a_first_time_does_not_hide_a_sign_described_now(question):
    assert check(question).urgent, check(question)


@pytest.mark.parametrize("day", ["day 2", "day 12", "day 21"])
def test_a_day_after_the_treatment_places_a_sign_in_time_whatever_its_digits(day):
    assert check(f"can it cause a fever on {day}").urgent
    assert not check("can it cause a fever").urgent  # asked in general


@pytest.mark.parametrize(
    "question, urgent_",
    [
        ("the skin where you treated is very hot like a stove compared to my arm, and it is very red and hard", True),
        ("i keep dabbing this one spot and the tissue keeps coming away soaked red. its been like an hour", True),
        ("It hurts so much I'm crying. It's way worse than the first day and now it's day 4.", True),
        ("my left cheek is hot to the touch, way hotter than the rest of my face, and its day 3", True),
        ("my face was hot to the touch on day 1 but by day 3 it was fine", False),
        ("What happens if the redness spreads past the treated area?", False),  # a what-if
    ],
)
def test_a_realistic_weeks_blind_misses_and_false_alarm(question, urgent_):
    assert check(question).urgent is urgent_, check(question)


@pytest.mark.parametrize(
    "question, urgent_",
    [
        ("probably nothing but my top lip has about doubled in size in the last half hour and my voice sounds a bit "
         "funny", True),
        ("Nurse from another practice here. Patient reports urticaria and lip angioedema 20 min after the serum", True),
        ("since the treatment this afternoon things look double when I look to the side", True),
        ("pt febrile, purulent discharge from two of the needle sites", True),
        ("does it look double the price elsewhere?", False),
        ("my voice sounds different on the phone lol", False),
        ("my lips doubled in size after a filler years ago, is needling ok for me?", False),
    ],
)
def test_a_blind_sets_clinical_words_doubled_lips_and_double_vision(question, urgent_):
    assert check(question).urgent is urgent_, check(question)


def test_a_request_to_explain_the_treatment_is_a_general_question():
    asked = check("Hello, I am first time. Please can you explain what is happening in the treatment from beginning "
                  "to end?")
    assert not asked.urgent and not asked.describes_now  # the warning model isn't asked either
    assert check("can you explain why my lips are swelling up since the session").urgent


def test_a_sign_that_evened_out_is_settling_unless_it_came_back():
    evened = check("face went red and blotchy right after, now 6 hours later it's evened out to an all over pink")
    assert not evened.urgent and not evened.describes_now  # settling: left to the rules, not the warning model
    assert check("the redness, which had faded, has come back darker and the area is warm and throbbing").urgent


@pytest.mark.parametrize(
    ("question", "urgent_"),
    [
        ("will my second session hurt more?", False),
        ("is microneedling more painful on the forehead", False),
        ("would it hurt more if i skip the numbing cream", False),
        ("does it hurt more if ur on ur period? my appt is day 2", False),
        ("it hurts more today than yesterday", True),
        ("Had my treatment 3 days ago. Is it normal it hurts more?", True),
        ("first day it was a bit sore but on day 5 it hurts way more than it did", True),
    ],
)
def test_hurting_more_is_worsening_pain_only_when_placed_in_time(question, urgent_):
    assert check(question).urgent is urgent_, check(question)


@pytest.mark.parametrize(
    ("question", "urgent_"),
    [
        ("can microneedling affect my vision if done near the eyes", False),
        ("my friend said it's agony, is that true?", False),
        ("will i have blisters afterwards", False),
        ("will i be swollen for work on monday", False),
        ("will the swelling in my lips go down, i can barely breathe", True),
        ("will i be ok my lips are swelling", True),
        ("can it affect my vision? my eyes have been blurry since yesterday", True),
        ("am i going to get an infection? my face is hot, red and oozing yellow stuff", True),
    ],
)
def test_questions_about_the_treatment_or_the_future_are_asked_not_described(question, urgent_):
    assert check(question).urgent is urgent_, check(question)


def test_coming_down_with_something_is_a_mild_sign_and_the_flu_a_strong_one():
    assert not check("think im coming down with something, can i still come tmrw").urgent
    assert check("had microneedling yesterday and now i feel like im coming down with the flu").urgent
    assert check("coming down with something since my session yesterday and the area is hot and swollen").urgent


@pytest.mark.parametrize(
    ("question", "urgent_"),
    [
        ("if my lips swell up after the serum what do i do", False),
        ("my mum read online that people get red streaks after, how common is that actually", False),
        ("if my lips swell up what do i do, they are swelling right now", True),
        ("came up in a blotchy itchy rash with raised bumps after using the aftercare cream", True),
    ],
)
def test_a_blind_urgent_precision_sets_what_ifs_hearsay_and_a_rash_that_came_up(question, urgent_):
    assert check(question).urgent is urgent_, check(question)


@pytest.mark.parametrize(
    ("question", "urgent_"),
    [
        ("can microneedling mess with your vision if they do the under eye area", False),
        ("what does an allergic reaction look like, just so i know what to look for", False),
        ("my coworker had a fever the day after hers but she also had the flu so idk... can microneedling actually "
         "give u a fever", False),
        ("is the pain much worse with deeper needles?", False),
        ("pain has gone from mild to throbbing, much worse today (day 4) than yesterday", True),
        ("what does an allergic reaction look like, my lips are swelling up right now", True),
    ],
)
def test_the_blind_urgent_precision_sets_held_back_half(question, urgent_):
    assert check(question).urgent is urgent_, check(question)


def test_blood_still_oozing_hours_later_is_bleeding_that_wont_stop_and_blotchy_patches_are_redness():
    assert check("still oozing blood from several spots on my forehead, 4 hours after. dabbing doesn't help").urgent
    assert not check("My skin looks kind of blotchy and red in patches today (day 1). Is that uneven redness "
                     "normal?").urgent
    assert check("my face and neck have come out in raised, blotchy, itchy lumps").urgent


@pytest.mark.parametrize(
    ("question", "urgent_"),
    [
        ("the bleeding on my neck started again when i took the dressing off and its been going for over half an hour",
         True),
        ("my whole face is swollen and my lips look like a duck's, it started an hour after the aftercare serum", True),
        ("Since this morning I have strong pain in the forehead where you treated me, it is more and more.", True),
        ("i have a strong pain threshold so do i need numbing", False),
    ],
)
def test_what_the_warning_model_caught_the_rules_name_too(question, urgent_):
    assert check(question).urgent is urgent_, check(question)


@pytest.mark.parametrize("question", [
    "I had cheek filler 3 weeks ago, is it ok to get microneedling now or will it move the filler",
    "i'm on isotretinoin, can i still book microneedling or do i need to wait",
    "I have eczema on my cheeks, can I still have it done?",
])
def test_asking_whether_one_may_have_the_treatment_is_before_it_not_a_description(question):
    """Not something happening after a treatment, so the warning model isn't asked ("now" included)."""
    assert not check(question).describes_now


def test_asking_about_the_next_session_does_not_hide_signs_described_after_this_one():
    assert check("had it done 2 days ago, there's pus and it's hot, is it ok to get it done again next month?").urgent


@pytest.mark.parametrize("question", [
    "the redness isn't spreading, is that ok?",
    "my lips aren't swollen, just my cheeks are red",
    "my eyes aren't swollen shut or anything, just a bit puffy",
    "my tongue isn't swollen and my throat is fine",
    "my vision isn't blurry or anything",
    "the pain is not getting worse, it's ok",
    "my lips aren't swollen or itchy, just my cheeks",
])
def test_a_negation_between_the_body_part_and_the_sign_unsays_it(question):
    c = check(question)
    assert not c.urgent and not c.describes_now  # read as negated: nor is the warning model asked


@pytest.mark.parametrize("question", [
    "the redness isn't going away and is spreading",  # the negation doesn't reach "spreading"
    "my lips haven't stopped swelling",
    "the bleeding doesn't stop",  # the sign's own negation
    "my vision isn't right since this morning",
])
def test_a_negation_that_does_not_unsay_the_sign_leaves_it(question):
    assert check(question).urgent


@pytest.mark.parametrize("question, signal", [
    ("my lips are a little swollen and itchy after the treatment yesterday", "itchy swollen lips"),
    ("itchy and slightly puffy lips since the serum", "itchy swollen lips"),
    ("lips a bit swollen and my throat feels funny", "throat or tongue swelling"),
])
def test_mildly_swollen_lips_with_an_itch_or_an_odd_throat_are_an_allergic_reaction(question, signal):
    c = check(question)
    assert c.urgent and signal in c.signals
    assert not check("my lips are a bit swollen after the numbing cream, normal?").urgent  # softened, alone
