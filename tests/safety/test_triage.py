"""Crises and emergencies are escalated before anything else, the same whatever the clinic's warning signs; everyday
words stay calm. The messages are the issue's own examples and the kinds of message it names."""

import pytest

from faqbot.models import Escalation
from faqbot.safety.signs import SignBook
from faqbot.safety.triage import Triage
from faqbot.settings import Settings
from tests.conftest import EXAMPLE_DENTAL, EXAMPLE_SKIN

BOOKS = {"default": Settings.warning_signs, "skin": EXAMPLE_SKIN, "dental": EXAMPLE_DENTAL}


@pytest.fixture(params=sorted(BOOKS), scope="module")
def triage(request) -> Triage:
    """Each clinic's triage: crises and emergencies must not depend on which one it is."""
    return Triage(SignBook.load(BOOKS[request.param]))


@pytest.mark.parametrize("message", [
    "I want to kill myself",
    "I took a whole bottle of sleeping pills",
    "nobody would care if I was gone",
    "I don't see the point of living anymore",
    "i've been cutting myself again",
    "me quiero morir",
    "my son says he wants to kill himself",
    "i wish i could go to sleep and never wake up",
    "i've stockpiled my oxycodone and this weekend is the one",  # the means, by the drug's name
    "cancel my check-ups, i'm planning on not being here after march",
    "the cord is already round my neck",
    "would 60 of my amitriptyline be enough",
    "they all think i'm fine but i've already said my goodbyes",
    "my brother talks about going to sleep and never waking up, he bought ten packs of paracetamol and hid them",
    "my boyfriend and i made a pact to take pills together this weekend",
    "been researching helium and where to order it",
    "i keep standing at the edge of the platform thinking about stepping off",
    "looked into assisted dying abroad but can't afford it, so i'll do it myself",
    "been googling how many tablets you need to overdose",
    "my son is 15, he swallowed his sister's tablets at school because he wants to disappear forever",  # at, not when
    "my partner took a whole bottle of pills because he doesn't want to live anymore",
    "she rang me saying she took all her quetiapine because she can't see a way out",
    "put all my tablets together in a bowl on the table",
    "the hosepipe and the car keys are in the garage",
    "is there a way to make it look like i died in my sleep",
    "how long would an overdose of paracetamol take to kill me",
    "my sister just posted 'see you all on the other side' and won't answer",
    "make sure my kids get my watch, i won't need the crown now",
    "swallowed all my lithium this morning. it was deliberate.",
    "is 30 of my co-codamol enough to die? i want to",
    "i won't be here by friday. i've decided on thursday",
    "unalive myself tonight fr",
    "if i just drove into the wall it would all stop",
    "i probably won't be around tomorrow. just wanted someone to know",
    "will the laser fade self harm scars? honestly i still do it most weekends",
    "can you treat fresh cuts? i did some on my arms last night",
    "i've been pressing a hot lighter against my wrist when it gets too much",
    "i slammed my head into the door until it bled and i want to do worse",
    "would i just stop breathing if i took all the numbing gel? i want to",
    "is the toner poisonous if you drink it? i want it all to end",
    "thinking about planning the day, not sure when yet",
    "my daughter who self-harmed last year has stopped eating and says she wants to die",  # the past beside the now
    "she's safe now, but my son who was suicidal last month wants to kill himself tonight",
    "tried once last spring. got the rope ready now. just wanted someone to know",
    "i tried in 2019 and this time i'll get it right",
    "what if i just don't wake up? i've taken them already",
    "read that helium is painless. the tank arrived this morning",
])
def test_a_crisis_gets_the_crisis_message_first(triage, message):
    found = triage.check(message)
    assert found.urgent and found.escalation is Escalation.CRISIS, found


@pytest.mark.parametrize("message", [
    "my baby is not breathing",
    "my daughter drank bleach",
    "I can't stop vomiting blood",
    "I think I'm having a heart attack",
    "crushing pain in my chest going down my left arm",
    "his face is drooping on one side and his speech is slurred",
    "she collapsed and she's unresponsive",
    "my son is having a seizure",
    "my toddler swallowed a button battery",
    "he hit his head and now he keeps vomiting and is really drowsy",
    "i'm 20 weeks pregnant and bleeding heavily",
    "worst headache of my life, came on suddenly",
    "my lips are blue and i can't breathe",
    "me duele el pecho y no puedo respirar",
    "her throat is closing up after the bee sting",
    "we just pulled our son out of the lake and he's coughing and really drowsy",
    "her fingers have gone white and cold since the cast went on",
    "he drank from a bottle that says corrosive and he's drooling",
    "my reliever is not touching it tonight and i'm wheezing",
    "my dad has started fitting on the kitchen floor",
    "allergic to amoxicillin and the pharmacy gave me some anyway, now my face is swelling and my voice is hoarse",
    "my nan's got dementia and she's drunk some bleach",  # what she has is not hearsay
    "toddler got into my bag and ate some of my blood pressure tablets",
    "my grandson got hold of my methadone, he drank some",
    "found the e-liquid refill and drank some, now vomiting",
    "ate wild mushrooms from the park yesterday, now vomiting and confused",
    "he was under the water for a while, now coughing and drowsy",
    "scalded with boiling water from the kettle, skin peeling off his arm",
    "my little girl got into the tablets in my handbag and she's getting sleepy",
    "took the whole month's methotrexate at once by mistake and now i'm vomiting",
    "the hair straighteners burnt her arm, it's blistering and there are white patches",
    "i'm having a really bad asthma attack",
    "my nan just fainted in the queue and she isn't coming round",
    "burning up with a temperature and a rash all over my body, i nearly fainted",
    "after the numbing cream my hands are twitching and my heart is racing",
    "my toddler ate some of the numbing cream and is very sleepy",
    "she overdosed by mistake last year, now we found her and she's barely breathing",  # the past beside the now
    "had an ectopic before. positive test last week and now sudden sharp pain on one side",
    "my son bit into a dishwasher tablet and his mouth is burning",
])
def test_an_emergency_is_escalated_whatever_the_specialty(triage, message):
    found = triage.check(message)
    assert found.urgent and found.escalation is Escalation.EMERGENCY, found


@pytest.mark.parametrize("message", [
    "I'm dying to try it",
    "the price is killing me",
    "what is a heart attack?",
    "can I take sleeping pills the night before?",
    "will it help my self-harm scars?",
    "I'm on blood thinners, is it ok?",
    "what should I watch for?",
    "What are the signs of an allergic reaction I should watch for?",
    "my dad had a stroke years ago, can he still have the treatment?",
    "i tried to kill myself as a teenager and the scars on my wrists bother me",
    "no chest pain, just a bit sore where they treated",
    "how long does the redness last?",
    "thanks so much for fitting me in on monday",
    "my husband is going to kill me when he sees what I spent",
    "are your receptionists trained to deal with a seizure in the waiting room?",
    "my scan showed an old silent heart attack, what happens now?",
    "what is the risk of an overdose on melatonin? i want to know before i start it",  # nothing resolved
    "i'm done with my antibiotics, is a glass of wine enough to matter?",  # done with a course, not with life
    "I nearly fainted when I saw the bill, is there a payment plan?",  # surprise, not a faint
    "the heat in the waiting room is suffocating",
    "I about choked on my tea reading your new prices",
    "Medical student here, could you explain how you triage chest pain calls?",
    "saw on the news a child swallowed a magnet. how do i childproof the house? i have a 2 year old",
    "my gp says my 'heart attack' episodes are panic attacks, can i still see a cardiologist?",
    "I've said my goodbyes to the team, I'm moving to Leeds next week",
    "can i get allergy testing for hay fever",
    "researching methods for quitting smoking, which do you recommend?",
    "writing my dissertation on self-harm in teens, do you have any resources?",
    "how can i support my friend who was suicidal? she's in hospital now and safe",
    "please cancel tuesday, i won't need it, my shoulder has healed",
    "what does it mean if my daughter's had absence seizures? she was diagnosed last month",
    "nursing student here, what's the difference between a TIA and a stroke?",
    "do you run first aid courses? baby cpr, choking etc",
    "my 2 yr old choked on a grape but coughed it straight out and is fine now",
    "had a small bleed early in pregnancy which turned out fine, now 30 weeks, can we discuss my birth plan?",
    "a bit of blood in my spit the day after my extraction, is that normal?",
    "watched a medical drama and someone had a thunderclap headache, what is it?",
    "my cat just had a seizure, is there an emergency vet near you?",
    "my son self harmed last year but has stopped and sees a counsellor now, can you write to his school?",
    "my friend tried to kill herself last year, she's doing much better now, what do i say on her birthday?",
    "my daughter took an overdose in june and she's doing well with camhs now, how do i bring it up?",
    "chest hurts when i cough since the flu, the gp said it's muscular, can physio help?",
    "how do you actually use an epipen? my son was just prescribed one",
    "he swallowed a coin when he was 2, it passed fine, could that cause tummy aches now?",
    "if i fall after my knee op while i'm alone, should i ring 999 or the ward?",
    "if i die of boredom in your waiting room do i still get charged?",
    "if i had a fit at work would i lose my job? i've had epilepsy since i was 6, it's well controlled",
    "writing up some figures on suicide in young men for my degree, do you have data?",
    "we watched a documentary about strokes last night, is it true time matters most?",
    "saw the news about the girl who swallowed a battery, how do i childproof the remote?",
    "my brother tried to end his life last year, he's in therapy now and doing great",
    "my son's friend had a seizure at school, he's fine now, should my son learn first aid?",
    "our dog had a seizure yesterday and the vet thinks it's epilepsy, is that common?",
    "previous suicide attempt (2015) is on my notes, i'm fine now, can i see a different doctor?",
    "i've been in recovery from self harm for 3 years, can i send the nurse a thank you card?",
    "had a heart attack 2018. stents. all good. how do i book my annual check?",
    "my son had a seizure in november, the school needs a seizure action plan signed",
])
def test_everyday_words_and_general_questions_stay_calm(triage, message):
    found = triage.check(message)
    assert not found.urgent, found


def test_a_crisis_is_named_before_the_emergency_it_also_is():
    found = Triage(SignBook.load(EXAMPLE_SKIN)).check("i swallowed all my pills so i won't wake up, i can't breathe")
    assert found.escalation is Escalation.CRISIS and "overdose on purpose" in found.signals


def test_the_clinics_own_signs_come_after_crisis_and_emergency():
    skin = Triage(SignBook.load(EXAMPLE_SKIN))
    assert skin.check("there's yellow pus on my cheek since yesterday").escalation is Escalation.CLINIC
    dental = Triage(SignBook.load(EXAMPLE_DENTAL))
    assert dental.check("there's pus coming from the socket since yesterday").escalation is Escalation.CLINIC
    assert not dental.check("my face is a bit red the day after").urgent  # the skin clinic's signs are not its own
    assert dental.check("the socket still bleeds after 3 hours of biting on gauze").escalation is Escalation.CLINIC


@pytest.mark.parametrize("message", [
    "seizure-free for five years now, is botox ok for me?",
    "last year i fainted at a concert, couldn't catch my breath, all fine since",
    "my aunt swears the vaccine gave her a seizure, is that possible?",
    "suppose I get chest pain during the stress test, what happens then?",
    "I'm writing a novel where a character takes an overdose, what would A&E do?",
    "does the team offer seizure management training for school staff?",
    "I overdosed once years ago and have been well ever since, do I put it on the form?",
    "my mum had a seizure on tuesday and was seen by the doctor, can she still come to her appointment?",
    "my cousin's friend died by suicide last year, do you run bereavement groups?",
])
def test_signs_told_as_over_heard_of_or_asked_for_others_stay_calm(triage, message):
    found = triage.check(message)
    assert not found.urgent, found


def test_hearsay_does_not_hide_an_emergency_described_now(triage):
    found = triage.check("my neighbour's boy got into the shed and swallowed weedkiller. what do we do right now?")
    assert found.escalation is Escalation.EMERGENCY, found


@pytest.mark.parametrize(("message", "kind"), [
    ("my sister says she's going to overdose tonight", Escalation.CRISIS),
    ("my 2 yr old swallowed a load of the magnets from his toy", Escalation.EMERGENCY),  # an accident, not a crisis
    ("took all my tablets at once by mistake, i got confused about the days. so sleepy", Escalation.EMERGENCY),
    ("my flatmate took a bunch of pills with vodka and said she meant it, she's so sleepy", Escalation.CRISIS),
    ("my friend took a load of coke and now her chest is crushing", Escalation.EMERGENCY),  # taken for fun
    ("he rang me saying goodbye and said he's swallowed rat poison", Escalation.CRISIS),
    ("drank from a water bottle in the shed, turns out it was weed killer, throat burning", Escalation.EMERGENCY),
])
def test_whose_act_it_is_and_why_decide_crisis_or_emergency(triage, message, kind):
    found = triage.check(message)
    assert found.escalation is kind, found


@pytest.mark.parametrize("message", [
    "is a box of paracetamol enough? dont try to talk me out of it",
    "does an overdose of sleeping pills hurt? i've got four boxes lined up",
    "can you overdose on melatonin? asking because i need it to be tonight",
])
def test_the_means_asked_in_one_sentence_and_the_resolve_in_another_is_a_crisis(triage, message):
    found = triage.check(message)
    assert found.escalation is Escalation.CRISIS, found


@pytest.mark.parametrize("message", [
    "Medical student here, my flatmate has collapsed and is not breathing, what do I do",
    "I nearly choked on my food at the restaurant and now I can't breathe",
    "the heat is suffocating and I can't breathe, my lips are going blue",
])
def test_a_professional_or_a_figure_of_speech_does_not_hide_an_emergency_described_now(triage, message):
    found = triage.check(message)
    assert found.escalation is Escalation.EMERGENCY, found


def test_a_sign_asked_about_is_not_described_for_the_clinics_own_second_opinion(triage):
    """The clinic's labelled warning model speaks only on a message that describes something now (warning_model.py)."""
    found = triage.check("what is a thunderclap headache? my neurologist mentioned it and i forgot to ask")
    assert not found.urgent and not found.describes_now, found


def test_a_sign_said_to_be_absent_inside_a_longer_pattern_is_not_an_emergency(triage):
    found = triage.check("my eye is a bit gritty 3 days after my cataract op, no pain and my vision is better. normal?")
    assert found.escalation is not Escalation.EMERGENCY, found


def test_the_example_clinics_own_signs_after_its_treatment():
    """Its warning signs are its data (clinics/example-skin/warning_signs.toml); faqbot reads them."""
    skin = Triage(SignBook.load(EXAMPLE_SKIN))
    for message in ["the bumps from the session are now hard and painful",
                    "my cheek is more red and swollen than on day one, it's day 4",
                    "a painful, red, hot patch on my jaw since the treatment",
                    "rash over my whole body since the session, so itchy",
                    "a patch near my nose has gone white and it hurts",
                    "is it normal to have a yellow crust on my chin? it's getting bigger"]:
        assert skin.check(message).escalation is Escalation.CLINIC, message
    assert not skin.check("is it normal to have a little redness on day 2?").urgent


@pytest.mark.parametrize(("message", "kind"), [
    ("haha my son licked a dishwasher pod and his lips are blistering. should i be worried", Escalation.EMERGENCY),
    ("my mum's face is drooping on one side and she can't lift her arm. can we see someone next week?",
     Escalation.EMERGENCY),
    ("downing the whole bottle of gin with all my sleeping pills tonight. would that be enough?", Escalation.CRISIS),
])
def test_a_nervous_laugh_or_a_visit_asked_for_later_does_not_wrap_a_crisis_or_emergency_away(triage, message, kind):
    found = triage.check(message)
    assert found.escalation is kind, found


def test_a_laugh_beside_asking_whether_to_worry_is_not_a_jest_for_the_second_opinion(triage):
    assert not triage.assess("lol probably nothing but my chest feels heavy, should i be worried")[1].jesting
    assert triage.assess("this queue is killing me lol")[1].jesting


@pytest.mark.parametrize("message", [
    "i took all of my antibiotics, is that enough to clear it?",
    "I'm anxious about having a heart attack during my op next month, who can I talk to?",
    "do you have any handouts about seizures for my son's school?",
    "what if my throat closes up on the plane? I've had a nut allergy since 2015, never a reaction",
])
def test_a_course_finished_a_worry_about_later_or_a_handout_asked_for_stays_calm(triage, message):
    assert not triage.check(message).urgent


@pytest.mark.parametrize("message", [
    "my brother said he will drink the weedkiller in the shed tonight",
    "my mum says she'll take all her pills and end it",
    "he's sat in the garage and the engine is still running",
    "how long does it take to die of an overdose of paracetamol",
    "sometimes i think my family would be better off if i vanished",
    "he swallowed the lot to 'sleep forever', he says",
    "I keep going to the station to wait for the trains that don't stop",
    "sorry this is silly lol but can i overdose on my insulin on purpose",
    "she's been cutting herself and tonight it's deep",
    "he cut himself last month and he's doing it again now",
])
def test_a_plan_told_of_someone_else_or_asked_about_is_a_crisis(triage, message):
    found = triage.check(message)
    assert found.escalation is Escalation.CRISIS, found


@pytest.mark.parametrize("message", [
    "my toddler had the vitamin tub open, not sure how many he ate",
    "after the bee sting her face is puffy and her breathing is wheezy",
    "his lips swelled up after the prawns and his throat feels tight",
    "maybe just being silly lol but i threw up blood twice",
])
def test_an_emergency_put_plainly_or_played_down_is_escalated(triage, message):
    found = triage.check(message)
    assert found.escalation is Escalation.EMERGENCY, found


@pytest.mark.parametrize("message", [
    "what are the symptoms of a stroke in older people?",
    "stroke symptoms in young adults?",
    "how common is swelling after a filler?",
    "I'm feeling fine now, but what if I have chest pain on the flight?",
    "our first aid training covers choking, seizures and bleeding, can staff join?",
    "his seizure tablets make him sleepy, can he take them at night?",
    "can you give me the number of the poisons information centre?",
    "I overdosed on purpose in 2017 and I've been well since. Can I get a flu jab here?",
    "how should I answer if a student ever tells me they want to die?",
    "my sister is in recovery from self-harm and doing really well, can she get laser on the scars?",
    "is there a written policy for patients who mention suicidal thoughts on the phone?",
    "my son has nits agen, which lotion is best?",
])
def test_a_topic_a_service_or_a_condition_named_in_passing_stays_calm(triage, message):
    assert not triage.check(message).urgent


@pytest.mark.parametrize(("message", "kind"), [
    ("my cousin says she will jump from the balcony tonight", Escalation.CRISIS),
    ("grandad has the weedkiller in his hand and says he'll drink it if we sell the farm", Escalation.CRISIS),
    ("I'm not planning to be here next month, so cancel my review. I know what I'm taking.", Escalation.CRISIS),
    ("he's been keeping his fentanyl patches to put on all at once", Escalation.CRISIS),
    ("my mum took all her tablets this morning and says she meant to", Escalation.CRISIS),
    ("most nights I sit at the edge of the quarry. next time I won't climb back", Escalation.CRISIS),
    ("my nephew posted a countdown on his story. the last picture was the railway bridge", Escalation.CRISIS),
    ("my dad's had a fall and can't breathe properly, his lips are blue", Escalation.EMERGENCY),
    ("6 weeks pregnant, bad pain on one side and pain in my shoulder tip, I nearly fainted", Escalation.EMERGENCY),
    ("my toddler had the car remote and now its battery is missing", Escalation.EMERGENCY),
    ("my son drank some of the stuff to unblock the drain", Escalation.EMERGENCY),
])
def test_a_plan_told_in_passing_and_an_emergency_told_plainly_are_escalated(triage, message, kind):
    found = triage.check(message)
    assert found.escalation is kind, found


@pytest.mark.parametrize("message", [
    "My husband has had epilepsy since his teens and his seizures are well controlled. Can he drive?",
    "overdosed on mince pies at christmas, can I still do the fasting blood test?",
    "Is chest pain always a heart attack? Not me, my flatmate and I were just talking about it.",
    "If my son ever has a seizure at school, what should the teachers do? He's had none so far.",
    "we're doing a suicide awareness training day at work, could a GP give a talk?",
    "a little blood when I floss after the hygienist visit, normal?",
])
def test_history_controlled_food_and_talk_stay_calm(triage, message):
    assert not triage.check(message).urgent


@pytest.mark.parametrize(("message", "kind"), [
    ("my uncle says he's going to 'end it' with his insulin tonight", Escalation.CRISIS),
    ("would 30 paracetamol be enough", Escalation.CRISIS),
    ("got the weedkiller from the shed. going to drink it when they're out", Escalation.CRISIS),
    ("I'm planning not to be alive by the weekend, so cancel me", Escalation.CRISIS),
    ("there's blood in my poo, pure blood, and I feel faint", Escalation.EMERGENCY),
    ("had a tooth out this morning and my mouth keeps filling with blood", Escalation.EMERGENCY),
    ("took my wife's heart pills by mistake and now I feel like I'll collapse", Escalation.EMERGENCY),
    # a time in minutes says it is happening, even after "is it normal ...?"
    ("is it normal to get a puffy face and wheezing after penicillin? had the first tablet 20 minutes ago",
     Escalation.EMERGENCY),
    ("grandad keeps dropping things with his right hand and his words are garbled", Escalation.EMERGENCY),
    ("one side of his face isn't moving when he smiles, started an hour ago", Escalation.EMERGENCY),
    ("mum says her hip hurts terribly and her leg is turned outwards, she can't get up", Escalation.EMERGENCY),
])
def test_a_means_with_a_time_or_an_amount_and_bleeding_with_faintness_are_escalated(triage, message, kind):
    found = triage.check(message)
    assert found.escalation is kind, found


@pytest.mark.parametrize("message", [
    "depression is listed as a side effect of my acne tablets, is that common?",
    "If one of our residents told me they felt suicidal, who should I call?",
    "writing an essay for school on suicide rates in young men, any leaflets?",
    "she went to A&E with chest pain last night, it was reflux and she's home now",
    "in the photo his lips look blue but it was just the cold",
])
def test_a_side_effect_coursework_or_an_episode_now_over_stays_calm(triage, message):
    assert not triage.check(message).urgent
